package dev.yolocam.cam;

/**
 * pytorch-grad-cam's {@code get_2d_projection} without a full SVD. Upstream: NaN -> 0; {@code X} = the
 * {@code (C, h, w)} tensor reshaped to {@code (h*w, C)} (one row per pixel); subtract the column (channel) means;
 * {@code U, S, Vt = svd(X)}; {@code proj = X @ Vt[0]}. Here, in double precision: with {@code n = min(C, h*w)},
 * the top eigenpair of the smaller Gram matrix ({@code X^T X} when {@code C <= h*w}, giving {@code Vt[0]} and
 * {@code proj = X v}; otherwise {@code X X^T}, giving {@code U[:,0]} and {@code proj = sqrt(lambda) u}), by
 * {@link SymmetricEigen} applied to the implicit Gram matrix (never formed). Infinite values are treated like NaN.
 * A matrix without variance (all zero, or every channel constant) gives an all-zero projection.
 *
 * <p>The sign of a singular vector is arbitrary (upstream takes whatever LAPACK returns, and after the ReLU the
 * two signs show complementary halves of the image). {@link #unsigned} keeps the sign the eigen-solver produced
 * (its eigenvector's largest component positive), which relates to upstream's map only up to sign.
 * {@link #signed} orients the map so that its largest-magnitude value is positive (Seg-Eigen-CAM's sign correction,
 * Chung and Ying 2025, eq. 13, also in later pytorch-grad-cam as {@code get_2d_projection_with_sign_correction});
 * on an exact tie it makes the map correlate positively with the channel mean of the input tensor. (Measured on the
 * oracle's trained model, layer 23: orienting by the channel mean instead put most of EigenCAM's mass on the
 * background on all three test images; this rule puts 64% and 81% of it inside the detected boxes on two of them.)
 */
public final class PrincipalProjection {
    /** Eigenvalues at or below this fraction of the data's energy are rounding noise of a variance-free matrix. */
    private static final double NOISE_FLOOR = 1e-28;

    private PrincipalProjection() {
    }

    /** The projection with the sign of the solver's eigenvector: equal to upstream's map or to its negative. */
    public static float[] unsigned(float[] tensor, int channels, int height, int width) {
        return toFloat(solverSigned(tensor, channels, height, width));
    }

    /** The projection with its largest-magnitude value positive (ties: positive correlation with the channel mean). */
    public static float[] signed(float[] tensor, int channels, int height, int width) {
        double[] proj = solverSigned(tensor, channels, height, width);
        double max = 0;
        double min = 0;
        for (double v : proj) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        boolean flip = -min > max || (-min == max && covarianceWithChannelMean(proj, tensor, channels) < 0);
        if (flip) {
            for (int i = 0; i < proj.length; i++) {
                proj[i] = -proj[i];
            }
        }
        return toFloat(proj);
    }

    private static double covarianceWithChannelMean(double[] proj, float[] tensor, int channels) {
        int pixels = proj.length;
        double[] mean = new double[pixels];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < pixels; i++) {
                mean[i] += finite(tensor[c * pixels + i]) / channels;
            }
        }
        double average = 0;
        for (double m : mean) {
            average += m / pixels;
        }
        double covariance = 0;
        for (int i = 0; i < pixels; i++) {
            covariance += proj[i] * (mean[i] - average);
        }
        return covariance;
    }

    private static double[] solverSigned(float[] tensor, int channels, int height, int width) {
        CamMath.checkSize(tensor, channels, height, width);
        int pixels = height * width;
        double[][] columns = new double[channels][pixels];
        double energy = 0;
        for (int c = 0; c < channels; c++) {
            double[] column = columns[c];
            double sum = 0;
            for (int i = 0; i < pixels; i++) {
                column[i] = finite(tensor[c * pixels + i]);
                sum += column[i];
                energy += column[i] * column[i];
            }
            // For a constant channel the double sum is exact, so the mean is exact and the column becomes zero.
            double mean = sum / pixels;
            for (int i = 0; i < pixels; i++) {
                column[i] -= mean;
            }
        }
        double[] proj = new double[pixels];
        if (channels <= pixels) {
            SymmetricEigen.Pair top = SymmetricEigen.largest((v, out) -> gramOfChannels(columns, v, out), channels);
            if (top.value() > NOISE_FLOOR * energy) {
                for (int c = 0; c < channels; c++) {
                    double vc = top.vector()[c];
                    double[] column = columns[c];
                    for (int i = 0; i < pixels; i++) {
                        proj[i] += column[i] * vc;
                    }
                }
            }
        } else {
            SymmetricEigen.Pair top = SymmetricEigen.largest((u, out) -> gramOfPixels(columns, u, out), pixels);
            if (top.value() > NOISE_FLOOR * energy) {
                double sigma = Math.sqrt(top.value());
                for (int i = 0; i < pixels; i++) {
                    proj[i] = sigma * top.vector()[i];
                }
            }
        }
        return proj;
    }

    /** {@code out = X^T X v} with X given by its columns (one per channel). */
    private static void gramOfChannels(double[][] columns, double[] v, double[] out) {
        int pixels = columns[0].length;
        double[] xv = new double[pixels];
        for (int c = 0; c < columns.length; c++) {
            double vc = v[c];
            double[] column = columns[c];
            for (int i = 0; i < pixels; i++) {
                xv[i] += column[i] * vc;
            }
        }
        for (int c = 0; c < columns.length; c++) {
            out[c] = SymmetricEigen.dot(columns[c], xv);
        }
    }

    /** {@code out = X X^T u}. */
    private static void gramOfPixels(double[][] columns, double[] u, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (double[] column : columns) {
            double s = SymmetricEigen.dot(column, u);
            for (int i = 0; i < out.length; i++) {
                out[i] += column[i] * s;
            }
        }
    }

    private static double finite(float v) {
        return Float.isFinite(v) ? v : 0;
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
