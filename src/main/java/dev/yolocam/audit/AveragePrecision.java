package dev.yolocam.audit;

/**
 * AP50 of one class as YOLOv5's {@code val.py} reports it ({@code ap_per_class} and {@code compute_ap} of
 * {@code utils/metrics.py}, v7.0, method 'interp'): the detections in falling confidence order give a recall and a
 * precision curve; the curve gets the sentinels (recall 0, precision 1) in front and (recall 1, precision 0) behind,
 * its precision envelope (running maximum from the right), and AP is the trapezoidal area under that envelope
 * sampled at 101 recall points, COCO style.
 *
 * <p>Faithful to YOLOv5 also where it surprises: the end sentinel sits at recall 1 with precision 0, so the last
 * sample (recall 1.0) of a detector that reaches full recall reads 0 and a perfect detector scores 0.995, not 1.
 */
final class AveragePrecision {
    private static final int SAMPLES = 101;
    private static final double EPS = 1e-16;

    private AveragePrecision() {
    }

    /**
     * @param truePositive per detection, in falling confidence order: whether it is a true positive at IoU 0.5
     * @param labels       the class's labelled objects
     * @return AP50 in [0, 1]; 0 without labels or without detections (as YOLOv5)
     */
    static double of(boolean[] truePositive, int labels) {
        int n = truePositive.length;
        if (n == 0 || labels == 0) {
            return 0;
        }
        double[] recall = new double[n + 2];
        double[] precision = new double[n + 2];
        precision[0] = 1;
        int tp = 0;
        for (int i = 0; i < n; i++) {
            if (truePositive[i]) {
                tp++;
            }
            recall[i + 1] = tp / (labels + EPS);
            precision[i + 1] = tp / (double) (i + 1);
        }
        recall[n + 1] = 1;
        precision[n + 1] = 0;
        for (int i = n; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double area = 0;
        double previousX = 0;
        double previousY = interpolate(0, recall, precision);
        for (int s = 1; s < SAMPLES; s++) {
            double x = s == SAMPLES - 1 ? 1.0 : s * (1.0 / (SAMPLES - 1));
            double y = interpolate(x, recall, precision);
            area += (x - previousX) * (previousY + y) / 2.0;
            previousX = x;
            previousY = y;
        }
        return area;
    }

    /**
     * numpy's {@code interp(x, xp, fp)} for non-decreasing {@code xp}: where {@code xp} repeats a value, the last
     * of the repeats answers (numpy searches for the last {@code j} with {@code xp[j] <= x}).
     */
    static double interpolate(double x, double[] xp, double[] fp) {
        int last = xp.length - 1;
        if (x < xp[0]) {
            return fp[0];
        }
        if (x >= xp[last]) {
            return fp[last];
        }
        int lo = 0;
        int hi = xp.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x >= xp[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int j = lo - 1;
        if (xp[j] == x) {
            return fp[j];
        }
        double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        return slope * (x - xp[j]) + fp[j];
    }
}
