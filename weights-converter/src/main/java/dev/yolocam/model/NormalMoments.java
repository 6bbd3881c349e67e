package dev.yolocam.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Moments of functions of Gaussian variables (and of the largest of n of them), by the trapezoid rule on a fixed
 * grid, which converges very fast for smooth integrands against a Gaussian density.
 */
final class NormalMoments {
    private static final double STEP = 0.05;
    private static final double RANGE = 9.0;
    private static final double[] Z;
    private static final double[] WEIGHT;
    private static final Map<Integer, double[]> MAX_WEIGHTS = new ConcurrentHashMap<>();

    static {
        int n = (int) Math.round(2 * RANGE / STEP) + 1;
        Z = new double[n];
        WEIGHT = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            Z[i] = -RANGE + i * STEP;
            WEIGHT[i] = Math.exp(-0.5 * Z[i] * Z[i]);
            total += WEIGHT[i];
        }
        for (int i = 0; i < n; i++) {
            WEIGHT[i] /= total;
        }
    }

    private NormalMoments() {
    }

    /** Mean and variance of {@code f(M)}, M the largest of n independent N(mean, variance) variables. */
    static double[] ofMax(DoubleUnaryOperator f, double mean, double variance, int n) {
        double[] weights = n == 1 ? WEIGHT : MAX_WEIGHTS.computeIfAbsent(n, NormalMoments::maxWeights);
        double s = Math.sqrt(Math.max(variance, 0));
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < Z.length; i++) {
            double y = f.applyAsDouble(mean + s * Z[i]);
            m1 += weights[i] * y;
            m2 += weights[i] * y * y;
        }
        return new double[] {m1, Math.max(m2 - m1 * m1, 0)};
    }

    /** The grid weights of the maximum of n standard normals: density {@code n phi(z) Phi(z)^(n-1)}. */
    private static double[] maxWeights(int n) {
        double[] out = new double[Z.length];
        double cdf = 0;
        double total = 0;
        for (int i = 0; i < Z.length; i++) {
            double below = Math.min(cdf + WEIGHT[i] / 2, 1); // Phi(z) by the same trapezoid rule
            cdf += WEIGHT[i];
            out[i] = WEIGHT[i] * Math.pow(below, n - 1);
            total += out[i];
        }
        for (int i = 0; i < Z.length; i++) {
            out[i] /= total;
        }
        return out;
    }
}
