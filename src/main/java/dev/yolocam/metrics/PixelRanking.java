package dev.yolocam.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The pixels of a map ordered from most to least relevant (largest value first), the order in which the
 * perturbation metrics remove or insert them. Equal values are ordered by a seeded shuffle rather than by position:
 * a ReLU'd map has many exact zeros, and removing them top row first would bias the metrics spatially. The same map
 * and seed always give the same order.
 */
public final class PixelRanking {
    private final int[] order;

    private PixelRanking(int[] order) {
        this.order = order;
    }

    /** Ranks the pixels of {@code map}; NaN counts as 0. */
    public static PixelRanking of(float[] map, long seed) {
        int n = map.length;
        Integer[] indices = new Integer[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = indices[i];
            indices[i] = indices[j];
            indices[j] = t;
        }
        // A stable sort keeps the shuffled order among equal values.
        Arrays.sort(indices, (a, b) -> Float.compare(clean(map[b]), clean(map[a])));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = indices[i];
        }
        return new PixelRanking(order);
    }

    public int size() {
        return order.length;
    }

    /** The index of the pixel of rank {@code rank} (0 = most relevant). */
    public int pixel(int rank) {
        return order[rank];
    }

    /** A mask of the {@code count} most relevant pixels. */
    public boolean[] mostRelevant(int count) {
        boolean[] mask = new boolean[order.length];
        for (int r = 0; r < count; r++) {
            mask[order[r]] = true;
        }
        return mask;
    }

    /** A mask of the {@code count} least relevant pixels. */
    public boolean[] leastRelevant(int count) {
        boolean[] mask = new boolean[order.length];
        for (int r = 0; r < count; r++) {
            mask[order[order.length - 1 - r]] = true;
        }
        return mask;
    }

    private static float clean(float v) {
        return Float.isNaN(v) ? 0f : v;
    }
}
