package dev.yolocam.model;

/**
 * ND4J frees native memory only when the Java objects that own it are collected, and the Java heap hardly grows
 * while native memory does. The one place that decides when to ask for a collection. A graph's first pass runs
 * SameDiff's session, which allocates every intermediate array anew (RSS climbed by gigabytes over a few hundred
 * session passes without a collection after each); later passes replay on the graph's own arrays and allocate only
 * what they hand out, so the Java heap's own collections keep RSS flat and an occasional forced one bounds it.
 * Dropping a graph's session once its passes replay needs no forced collection: peak RSS was the same with and
 * without one (explain, 5 images at 640: 1.62-1.68 GB either way; ScoreCAM at 640: 2.38-2.40 GB; bench yolov5s 640:
 * 1303 vs 1334 MiB).
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

    /**
     * A collection every 32 passes (each costs 30-40 ms; YOLOv5s GradCAM, 100 replayed passes with none: RSS flat,
     * 679 -> 644 MiB at 320 and 1299 -> 1292 MiB at 640).
     */
    public static MemoryPolicy standard() {
        return new MemoryPolicy(32);
    }

    public synchronized void afterPass() {
        if (++sinceLast >= passesPerCollection) {
            sinceLast = 0;
            System.gc();
        }
    }
}
