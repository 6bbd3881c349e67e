package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of {@link CamMath}, {@link PrincipalProjection} and {@link SymmetricEigen}. */
class CamMathPropertiesTest {

    @Provide
    Arbitrary<float[]> maps() {
        return Arbitraries.integers().between(1, 40).flatMap(n -> TensorArbitraries.uniform(n, -50, 50));
    }

    @Property
    void scaledMapMaximumIsRangeOverRangePlusEpsilonAndMinimumIsZero(@ForAll("maps") float[] map) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : map) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max - min;
        float[] scaled = CamMath.scale(map);
        float expectedMax = range / (float) (1e-7 + range);
        float scaledMax = Float.NEGATIVE_INFINITY;
        float scaledMin = Float.POSITIVE_INFINITY;
        for (float v : scaled) {
            scaledMax = Math.max(scaledMax, v);
            scaledMin = Math.min(scaledMin, v);
        }
        assertEquals(expectedMax, scaledMax);
        assertEquals(0f, scaledMin);
    }

    @Property
    void bilinearResizeStaysWithinTheSourceRange(@ForAll("maps") float[] map, @ForAll @IntRange(min = 1, max = 30) int outHeight,
            @ForAll @IntRange(min = 1, max = 30) int outWidth, @ForAll boolean alignCorners) {
        int width = map.length;
        float[] out = alignCorners ? MapResize.bilinearAlignCorners(map, 1, width, outHeight, outWidth)
                : MapResize.bilinear(map, 1, width, outHeight, outWidth);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : map) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double slack = 1e-6 * Math.max(Math.abs(min), Math.abs(max));
        for (float v : out) {
            assertTrue(v >= min - slack && v <= max + slack, v + " outside [" + min + ", " + max + "]");
        }
    }

    @Property
    void aggregatingAMapWithItselfEqualsAggregatingItAlone(@ForAll("maps") float[] map,
            @ForAll CamMath.Aggregation mode) {
        assertArrayEquals(CamMath.aggregate(List.of(map), mode), CamMath.aggregate(List.of(map, map.clone()), mode));
    }

    @Property
    void keepTopPercentKeepsExactlyTheValuesAboveTheLinearPercentile(@ForAll("maps") float[] map,
            @ForAll @DoubleRange(min = 0.5, max = 99.5) double percent) {
        float[] sorted = map.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            Assume.that(sorted[i] != 0 && (i == 0 || sorted[i] != sorted[i - 1]));
        }
        int n = map.length;
        // numpy.percentile's linear method: virtual index (n - 1) * q / 100 between order statistics.
        double index = (n - 1) * ((100 - percent) / 100);
        int lo = (int) Math.floor(index);
        int expectedKept = n - 1 - lo; // sorted[lo] <= threshold < sorted[lo + 1] (equality when index is integral)
        float[] kept = CamMath.keepTopPercent(map, percent);
        float smallestKept = Float.POSITIVE_INFINITY;
        float largestDropped = Float.NEGATIVE_INFINITY;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (kept[i] != 0) {
                assertEquals(map[i], kept[i]);
                smallestKept = Math.min(smallestKept, map[i]);
                count++;
            } else {
                largestDropped = Math.max(largestDropped, map[i]);
            }
        }
        assertEquals(expectedKept, count);
        assertTrue(count == 0 || count == n || smallestKept > largestDropped);
    }

    @Property
    void projectionOfARankOneTensorRecoversItsSpatialFactorUpToSign(@ForAll @IntRange(min = 1, max = 12) int channels,
            @ForAll @IntRange(min = 1, max = 4) int height, @ForAll @IntRange(min = 1, max = 4) int width,
            @ForAll long seed) {
        Random random = new Random(seed);
        int p = height * width;
        double[] u = new double[channels];
        double[] s = new double[p];
        for (int c = 0; c < channels; c++) {
            u[c] = (0.2 + 1.8 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
        }
        for (int i = 0; i < p; i++) {
            s[i] = 6 * random.nextDouble() - 3;
        }
        float[] tensor = new float[channels * p];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < p; i++) {
                tensor[c * p + i] = (float) (u[c] * s[i]);
            }
        }
        double mean = Arrays.stream(s).average().orElseThrow();
        double norm = Math.sqrt(Arrays.stream(u).map(v -> v * v).sum());
        double[] expected = Arrays.stream(s).map(v -> (v - mean) * norm).toArray();
        // The tensor holds u_c s_i rounded to float: errors relative to the raw magnitude, not the centred one.
        double tolerance = 1e-5 * norm * Arrays.stream(s).map(Math::abs).max().orElseThrow();
        assertEqualUpToSign(expected, CamMath.projectionUnsigned(tensor, channels, height, width), tolerance);
        assertEqualUpToSign(expected, CamMath.projection(tensor, channels, height, width), tolerance);
    }

    @Property
    void projectionMatchesTheSvdDefinitionUpToSign(@ForAll @IntRange(min = 1, max = 10) int channels,
            @ForAll @IntRange(min = 1, max = 4) int height, @ForAll @IntRange(min = 1, max = 4) int width,
            @ForAll long seed) {
        Random random = new Random(seed);
        int p = height * width;
        float[] tensor = new float[channels * p];
        for (int i = 0; i < tensor.length; i++) {
            tensor[i] = (float) random.nextGaussian();
        }
        double[][] x = centredPixelRows(tensor, channels, p);
        double[] gram = new double[channels * channels];
        for (int a = 0; a < channels; a++) {
            for (int b = 0; b < channels; b++) {
                for (int i = 0; i < p; i++) {
                    gram[a * channels + b] += x[i][a] * x[i][b];
                }
            }
        }
        double[] spectrum = spectrum(gram, channels);
        Assume.that(relativeGap(spectrum) > 0.05);
        double[] v = powerIteration(gram, channels, spectrum);
        double[] expected = new double[p];
        for (int i = 0; i < p; i++) {
            for (int c = 0; c < channels; c++) {
                expected[i] += x[i][c] * v[c];
            }
        }
        double scale = Arrays.stream(expected).map(Math::abs).max().orElseThrow();
        Assume.that(scale > 1e-6);
        float[] ours = CamMath.projectionUnsigned(tensor, channels, height, width);
        assertEqualUpToSign(expected, ours, 1e-5 * scale);
        float[] signed = CamMath.projection(tensor, channels, height, width);
        double max = 0;
        double min = 0;
        for (float value : signed) {
            max = Math.max(max, value);
            min = Math.min(min, value);
        }
        assertTrue(max >= -min, "the largest-magnitude value of the signed projection is positive");
    }

    @Property
    void projectionOfATensorWithoutVarianceIsAllZero(@ForAll @IntRange(min = 1, max = 8) int channels,
            @ForAll @IntRange(min = 1, max = 5) int pixels, @ForAll @DoubleRange(min = -5, max = 5) double value) {
        float[] tensor = new float[channels * pixels];
        for (int c = 0; c < channels; c++) {
            Arrays.fill(tensor, c * pixels, (c + 1) * pixels, (float) (value * (c + 1)));
        }
        assertArrayEquals(new float[pixels], CamMath.projection(tensor, channels, 1, pixels));
    }

    @Property(tries = 300)
    void eigenSolverAgreesWithNaivePowerIteration(@ForAll @IntRange(min = 1, max = 70) int n, @ForAll long seed,
            @ForAll boolean indefinite) {
        Random random = new Random(seed);
        double[] a = new double[n * n];
        double planted = 3 * n * random.nextDouble();
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian() / Math.sqrt(n);
        }
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double base = 0;
                if (indefinite) {
                    base = (b[i * n + j] + b[j * n + i]) / 2;
                } else {
                    for (int k = 0; k < n; k++) {
                        base += b[k * n + i] * b[k * n + j] / n;
                    }
                }
                a[i * n + j] = base + planted * z[i] * z[j];
            }
        }
        double[] spectrum = spectrum(a, n);
        Assume.that(relativeGap(spectrum) > 0.02);
        double[] expected = powerIteration(a, n, spectrum);
        double expectedValue = rayleigh(a, expected, n);
        SymmetricEigen.Pair pair = SymmetricEigen.largest(a, n);
        double norm = Math.sqrt(SymmetricEigen.dot(a, a));
        assertEquals(expectedValue, pair.value(), 1e-9 * norm);
        double sign = SymmetricEigen.dot(expected, pair.vector()) >= 0 ? 1 : -1;
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], sign * pair.vector()[i], 1e-6);
        }
    }

    @Property
    void eigenSolverReturnsZeroForTheZeroMatrix(@ForAll @IntRange(min = 1, max = 60) int n) {
        SymmetricEigen.Pair pair = SymmetricEigen.largest(new double[n * n], n);
        assertEquals(0.0, pair.value());
        assertEquals(1.0, SymmetricEigen.dot(pair.vector(), pair.vector()), 1e-12);
    }

    /** All eigenvalues in ascending order by full Jacobi; only used to filter cases and pick a shift. */
    static double[] spectrum(double[] a, int n) {
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            s[i] = Arrays.copyOfRange(a, i * n, (i + 1) * n);
        }
        double[] values = SymmetricEigen.jacobi(s, new double[n][n]);
        Arrays.sort(values);
        return values;
    }

    /** (lambda1 - lambda2) / (|lambda1| + |lambda_min|). */
    static double relativeGap(double[] ascending) {
        int n = ascending.length;
        if (n == 1) {
            return 1;
        }
        double spread = Math.abs(ascending[n - 1]) + Math.abs(ascending[0]);
        return spread == 0 ? 0 : (ascending[n - 1] - ascending[n - 2]) / spread;
    }

    /**
     * Plain power iteration on {@code A + shift I}, shift = max(0, -lambda_min), so that the largest algebraic
     * eigenvalue dominates; runs until the iterate stops changing.
     */
    static double[] powerIteration(double[] a, int n, double[] ascending) {
        double shift = Math.max(0, -ascending[0]);
        double[] v = new double[n];
        Arrays.fill(v, 1);
        v[0] += 0.1;
        double start = Math.sqrt(SymmetricEigen.dot(v, v));
        for (int i = 0; i < n; i++) {
            v[i] /= start;
        }
        double[] next = new double[n];
        for (int iteration = 0; iteration < 100_000; iteration++) {
            for (int i = 0; i < n; i++) {
                double s = shift * v[i];
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * v[j];
                }
                next[i] = s;
            }
            double norm = Math.sqrt(SymmetricEigen.dot(next, next));
            if (norm == 0) {
                break;
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= norm;
                change = Math.max(change, Math.abs(next[i] - v[i]));
            }
            System.arraycopy(next, 0, v, 0, n);
            if (change < 1e-14) {
                break;
            }
        }
        return v;
    }

    private static double rayleigh(double[] a, double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += v[i] * a[i * n + j] * v[j];
            }
        }
        return s;
    }

    private static double[][] centredPixelRows(float[] tensor, int channels, int p) {
        double[][] x = new double[p][channels];
        for (int c = 0; c < channels; c++) {
            double mean = 0;
            for (int i = 0; i < p; i++) {
                mean += tensor[c * p + i];
            }
            mean /= p;
            for (int i = 0; i < p; i++) {
                x[i][c] = tensor[c * p + i] - mean;
            }
        }
        return x;
    }

    private static void assertEqualUpToSign(double[] expected, float[] actual, double tolerance) {
        double dot = 0;
        for (int i = 0; i < expected.length; i++) {
            dot += expected[i] * actual[i];
        }
        double sign = dot >= 0 ? 1 : -1;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], sign * actual[i], tolerance, "at " + i);
        }
    }
}
