package dev.yolocam.model;

/**
 * ND4J frees native memory only when the Java objects that own it are collected, and the Java heap hardly grows
 * while native memory does: without help, RSS climbs by gigabytes over a few hundred passes. The one place that
 * decides when to ask for a collection. A pass may hold several images (a batch): one collection serves them all.
 */
public final class MemoryPolicy {
    private final int passesPerCollection;
    private int sinceLast;

    public MemoryPolicy(int passesPerCollection) {
        if (passesPerCollection < 1) {
            throw new IllegalArgumentException("passesPerCollection must be positive");
        }
        this.passesPerCollection = passesPerCollection;
    }

    /** A collection after every pass: flat RSS for a measured cost of a few tens of ms per pass. */
    public static MemoryPolicy standard() {
        return new MemoryPolicy(1);
    }

    public synchronized void afterPass() {
        if (++sinceLast >= passesPerCollection) {
            sinceLast = 0;
            System.gc();
        }
    }
}
