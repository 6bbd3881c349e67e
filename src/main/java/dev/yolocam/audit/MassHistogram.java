package dev.yolocam.audit;

/** The ten bins of own-box mass in the report: [0, 0.1), [0.1, 0.2), ..., [0.9, 1.0], the last one closed. */
final class MassHistogram {
    static final int BINS = 10;

    private MassHistogram() {
    }

    /**
     * The bin of {@code mass}: how many of the edges 0.1 ... 0.9 it reaches. Comparing with the edges as written
     * (not {@code floor(10 * mass)}) puts a mass of exactly 0.3 into [0.3, 0.4), whatever 10 * 0.3 rounds to.
     * Values outside [0, 1] (a map with negative parts) land in the first or last bin.
     */
    static int bin(double mass) {
        int bin = 0;
        for (int edge = 1; edge < BINS; edge++) {
            if (mass >= edge / (double) BINS) {
                bin = edge;
            }
        }
        return bin;
    }

    /** The lower edge of {@code bin}, for labels: 0.0, 0.1, ..., 0.9. */
    static double lowerEdge(int bin) {
        return bin / (double) BINS;
    }
}
