package dev.yolocam.model;

/**
 * ND4J frees native memory only when the Java objects that own it are collected, and the Java heap hardly grows
 * while native memory does: without help, RSS climbs by gigabytes over a few hundred passes. The one place that
 * decides when to ask for a collection.
 */
public final class MemoryPolicy {
    private final int imagesPerCollection;
    private int sinceLast;

    public MemoryPolicy(int imagesPerCollection) {
        if (imagesPerCollection < 1) {
            throw new IllegalArgumentException("imagesPerCollection must be positive");
        }
        this.imagesPerCollection = imagesPerCollection;
    }

    /** A collection after every image: flat RSS for a measured cost of a few tens of ms per image. */
    public static MemoryPolicy standard() {
        return new MemoryPolicy(1);
    }

    public synchronized void afterImage() {
        if (++sinceLast >= imagesPerCollection) {
            sinceLast = 0;
            System.gc();
        }
    }
}
