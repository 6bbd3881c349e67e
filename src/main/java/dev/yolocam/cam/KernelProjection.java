package dev.yolocam.cam;

/**
 * pytorch-grad-cam's {@code get_2d_projection_kernel}: kernel PCA of the pixels' centred channel vectors, projected
 * onto the first kernel principal component, the way scikit-learn's
 * {@code KernelPCA(n_components=1, kernel, gamma).fit_transform(X)} computes it:
 * <ol>
 *   <li>{@code X} = the {@code (C, h, w)} tensor as {@code (h*w, C)}, NaN (here also infinities) -> 0, channel
 *       means subtracted;</li>
 *   <li>kernel matrix {@code K} ({@code h*w x h*w}): sigmoid {@code tanh(gamma <x_i, x_j> + 1)} (coef0 = 1) or RBF
 *       {@code exp(-gamma |x_i - x_j|^2)}; {@code gamma} defaults to {@code 1 / C} (scikit-learn's
 *       {@code gamma=None});</li>
 *   <li>double centring {@code Kc = K - row means - column means + grand mean} ({@code KernelCenterer});</li>
 *   <li>the eigenpair with the largest (algebraic) eigenvalue {@code lambda, alpha} (unit norm), sign flipped so
 *       the largest-magnitude component is positive ({@code svd_flip}); result {@code alpha * sqrt(lambda)}, or all
 *       zero when {@code lambda} is not positive (up to rounding).</li>
 * </ol>
 * The kernel matrix is dense, so the layer may have at most {@value #MAX_PIXELS} positions.
 */
public final class KernelProjection {
    /** Largest h*w accepted: the dense kernel matrix takes 8 * (h*w)^2 bytes (128 MiB at this limit). */
    public static final int MAX_PIXELS = 4096;

    /** The kernel of the kernel PCA. */
    public enum Kernel {
        /** {@code tanh(gamma <x, y> + 1)}, pytorch-grad-cam's default for KPCA_CAM. */
        SIGMOID,
        /** {@code exp(-gamma |x - y|^2)}. */
        RBF
    }

    private KernelProjection() {
    }

    /**
     * The first kernel principal component score of every pixel, {@code h*w} values.
     *
     * @param gamma the kernel coefficient; {@code null} for {@code 1 / C}
     */
    public static float[] project(float[] tensor, int channels, int height, int width, Kernel kernel, Double gamma) {
        CamMath.checkSize(tensor, channels, height, width);
        int n = height * width;
        if (n > MAX_PIXELS) {
            throw new IllegalArgumentException("KPCA-CAM builds a dense " + n + "x" + n + " kernel matrix for a "
                    + height + "x" + width + " layer; at most " + MAX_PIXELS + " positions are supported (choose a "
                    + "deeper layer or a smaller input)");
        }
        double g = gamma != null ? gamma : 1.0 / channels;
        double[][] rows = centredRows(tensor, channels, n);
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double value = kernel == Kernel.SIGMOID
                        ? Math.tanh(g * SymmetricEigen.dot(rows[i], rows[j]) + 1)
                        : Math.exp(-g * squaredDistance(rows[i], rows[j]));
                k[i * n + j] = value;
                k[j * n + i] = value;
            }
        }
        doubleCentre(k, n);
        double frobenius = Math.sqrt(SymmetricEigen.dot(k, k));
        SymmetricEigen.Pair top = SymmetricEigen.largest(k, n);
        float[] out = new float[n];
        if (top.value() > 1e-12 * frobenius) { // below: rounding noise of a kernel without variance
            double root = Math.sqrt(top.value());
            for (int i = 0; i < n; i++) {
                out[i] = (float) (top.vector()[i] * root);
            }
        }
        return out;
    }

    private static double[][] centredRows(float[] tensor, int channels, int n) {
        double[][] rows = new double[n][channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                float v = tensor[c * n + i];
                rows[i][c] = Float.isFinite(v) ? v : 0;
                sum += rows[i][c];
            }
            double mean = sum / n;
            for (int i = 0; i < n; i++) {
                rows[i][c] -= mean;
            }
        }
        return rows;
    }

    private static void doubleCentre(double[] k, int n) {
        double[] rowMean = new double[n];
        double grand = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += k[i * n + j];
            }
            rowMean[i] = s / n;
            grand += rowMean[i] / n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i * n + j] += grand - rowMean[i] - rowMean[j];
            }
        }
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
