package dev.yolocam.cam;

/** How the tests compare a map with a reference map: max abs difference, Pearson correlation, all-zero. */
public final class MapComparison {
    private MapComparison() {
    }

    public static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }

    /** Pearson correlation; 1 when both maps are constant and equal in shape, 0 when only one is constant. */
    public static double correlation(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? (saa == sbb ? 1 : 0) : sab / Math.sqrt(saa * sbb);
    }

    public static boolean isZero(float[] a) {
        for (float v : a) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
