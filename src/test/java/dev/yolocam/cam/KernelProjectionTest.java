package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** KPCA-CAM's kernel projection against a naive dense kernel PCA written from scikit-learn's definition. */
class KernelProjectionTest {

    @Property(tries = 200)
    void matchesNaiveKernelPcaIncludingScikitLearnsSign(@ForAll @IntRange(min = 1, max = 8) int channels,
            @ForAll @IntRange(min = 1, max = 5) int height, @ForAll @IntRange(min = 1, max = 6) int width,
            @ForAll long seed, @ForAll KernelProjection.Kernel kernel) {
        Random random = new Random(seed);
        int n = height * width;
        float[] tensor = new float[channels * n];
        for (int i = 0; i < tensor.length; i++) {
            tensor[i] = (float) (2 * random.nextGaussian());
        }
        double gamma = 1.0 / channels;
        double[][] x = new double[n][channels];
        for (int c = 0; c < channels; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += tensor[c * n + i] / (double) n;
            }
            for (int i = 0; i < n; i++) {
                x[i][c] = tensor[c * n + i] - mean;
            }
        }
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                double dist = 0;
                for (int c = 0; c < channels; c++) {
                    dot += x[i][c] * x[j][c];
                    dist += (x[i][c] - x[j][c]) * (x[i][c] - x[j][c]);
                }
                k[i * n + j] = kernel == KernelProjection.Kernel.SIGMOID ? Math.tanh(gamma * dot + 1)
                        : Math.exp(-gamma * dist);
            }
        }
        // Kc = H K H with H = I - 1/n
        double[] centred = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        s += ((i == a ? 1 : 0) - 1.0 / n) * k[a * n + b] * ((b == j ? 1 : 0) - 1.0 / n);
                    }
                }
                centred[i * n + j] = s;
            }
        }
        double[] spectrum = CamMathPropertiesTest.spectrum(centred, n);
        Assume.that(spectrum[n - 1] > 1e-6 && CamMathPropertiesTest.relativeGap(spectrum) > 0.05);
        double[] alpha = CamMathPropertiesTest.powerIteration(centred, n, spectrum);
        int arg = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(alpha[i]) > Math.abs(alpha[arg])) {
                arg = i;
            }
        }
        float[] ours = KernelProjection.project(tensor, channels, height, width, kernel, null);
        boolean tie = false;
        for (int i = 0; i < n; i++) {
            tie |= i != arg && Math.abs(Math.abs(alpha[i]) - Math.abs(alpha[arg])) < 1e-9;
        }
        // svd_flip: the largest-magnitude component is positive; on a tie (e.g. n = 2) only the magnitudes are fixed.
        double sign = tie ? Math.signum(alpha[0] * ours[0]) : Math.signum(alpha[arg]);
        double root = Math.sqrt(spectrum[n - 1]);
        for (int i = 0; i < n; i++) {
            assertEquals(sign * alpha[i] * root, ours[i], 1e-5 * root);
        }
    }

    @Test
    void activationsWithoutVarianceGiveAnAllZeroMap() {
        float[] constant = new float[4 * 6];
        java.util.Arrays.fill(constant, 2.5f);
        assertArrayEquals(new float[6], KernelProjection.project(constant, 4, 2, 3, KernelProjection.Kernel.SIGMOID,
                null));
        assertArrayEquals(new float[6], KernelProjection.project(new float[24], 4, 2, 3, KernelProjection.Kernel.RBF,
                null));
    }

    @Test
    void refusesLayersWhoseKernelMatrixWouldNotFit() {
        int side = 65; // 65 * 65 = 4225 > 4096 positions
        assertThrows(IllegalArgumentException.class, () -> KernelProjection.project(new float[side * side], 1, side,
                side, KernelProjection.Kernel.SIGMOID, null));
    }
}
