package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the method classes, on random layer tensors, through the upstream pipeline. */
class CamMethodPropertiesTest {
    private static final CamOptions OPTIONS = new CamOptions(4, 7L);
    private static final int OUT_HEIGHT = 7;
    private static final int OUT_WIDTH = 9;

    @Provide
    Arbitrary<LayerTensors> layers() {
        return TensorArbitraries.layers();
    }

    @Provide
    Arbitrary<LayerTensors> randomLayers() {
        return TensorArbitraries.randomLayers();
    }

    /** The methods with a layer map: a masking method reads no layer (DRiseTest checks it). */
    @Provide
    Arbitrary<CamMethod> methods() {
        return Arbitraries.of(CamMethods.all().stream().filter(m -> !(m instanceof MaskingCam)).toList());
    }

    /** Gradient methods whose normalised map does not depend on the target's scale (not GradCAM++, see its doc). */
    @Provide
    Arbitrary<String> scaleInvariantMethods() {
        return Arbitraries.of("GradCAM", "HiResCAM", "GradCAMElementWise", "XGradCAM", "LayerCAM", "EigenGradCAM");
    }

    @Provide
    Arbitrary<String> channelSumMethods() {
        return Arbitraries.of("GradCAM", "HiResCAM", "LayerCAM");
    }

    /** Channels u_c * s(x) plus 1% noise: a clear first principal component, so its direction is well defined. */
    @Provide
    Arbitrary<LayerTensors> rankOneDominatedLayers() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(2, 5),
                Arbitraries.integers().between(2, 6), Arbitraries.longs()).as((c, h, w, seed) -> {
                    Random random = new Random(seed);
                    int p = h * w;
                    float[] a = new float[c * p];
                    double[] s = new double[p];
                    for (int i = 0; i < p; i++) {
                        s[i] = 6 * random.nextDouble() - 3;
                    }
                    for (int k = 0; k < c; k++) {
                        double u = (0.5 + 1.5 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
                        for (int i = 0; i < p; i++) {
                            a[k * p + i] = (float) (u * s[i] + 0.01 * random.nextGaussian());
                        }
                    }
                    return new LayerTensors("layer", c, h, w, a, null);
                });
    }

    @Property
    void gradCamMapIsTheActivationSumWeightedByTheSpatialMeanOfTheGradient(@ForAll("layers") LayerTensors t) {
        float[] map = method("GradCAM").layerMap(t, false, null, OPTIONS);
        int p = t.pixels();
        for (int i = 0; i < p; i++) {
            double expected = 0;
            double magnitude = 0;
            for (int c = 0; c < t.channels(); c++) {
                double mean = 0;
                for (int j = 0; j < p; j++) {
                    mean += t.gradient()[c * p + j];
                }
                mean /= p;
                expected += mean * t.activation()[c * p + i];
                magnitude += Math.abs(mean * t.activation()[c * p + i]);
            }
            assertEquals(expected, map[i], 1e-6 * (1 + magnitude));
        }
    }

    @Property
    void finalMapsLieInTheUnitIntervalAndAreNeverNaN(@ForAll("layers") LayerTensors t,
            @ForAll("methods") CamMethod method, @ForAll boolean eigenSmooth) {
        float[] map = finalMap(method, t, eigenSmooth);
        assertEquals(OUT_HEIGHT * OUT_WIDTH, map.length);
        for (float v : map) {
            assertTrue(v >= 0 && v <= 1, method.name() + " gave " + v);
        }
    }

    @Property
    void scalingTheTargetByAPowerOfTwoLeavesNormalisedMapsUnchanged(@ForAll("randomLayers") LayerTensors t,
            @ForAll("scaleInvariantMethods") String name, @ForAll boolean eigenSmooth,
            @ForAll @IntRange(min = -8, max = 8) int exponent) {
        double k = Math.scalb(1.0, exponent);
        assertMapsAgreeUnderGradientScaling(method(name), t, eigenSmooth, k);
    }

    @Property
    void scalingTheTargetByAnyPositiveFactorLeavesGradCamUnchanged(@ForAll("randomLayers") LayerTensors t,
            @ForAll @DoubleRange(min = 0.01, max = 100) double k) {
        assertMapsAgreeUnderGradientScaling(method("GradCAM"), t, false, k);
    }

    @Property
    void permutingChannelsOfActivationAndGradientLeavesChannelSumMapsUnchanged(
            @ForAll("randomLayers") LayerTensors t, @ForAll("channelSumMethods") String name, @ForAll long seed) {
        LayerTensors permuted = permuteChannels(t, seed);
        CamMethod m = method(name);
        float[] raw = CamMath.relu(m.layerMap(t, false, null, OPTIONS));
        double range = max(raw) - min(raw);
        double bound = magnitudeBound(t);
        Assume.that(range > 1e-4 * bound);
        assertClose(finalMap(m, t, false), finalMap(m, permuted, false), 1e-5 * bound / range + 1e-6);
    }

    @Property
    void permutingChannelsLeavesEigenCamUnchanged(@ForAll("rankOneDominatedLayers") LayerTensors t,
            @ForAll long seed) {
        CamMethod m = method("EigenCAM");
        assertClose(finalMap(m, t, false), finalMap(m, permuteChannels(t, seed), false), 1e-4);
    }

    @Property
    void hiResCamEqualsGradCamWhenEachGradientChannelIsSpatiallyConstant(@ForAll("randomLayers") LayerTensors t) {
        int p = t.pixels();
        float[] constant = new float[t.gradient().length];
        for (int c = 0; c < t.channels(); c++) {
            java.util.Arrays.fill(constant, c * p, (c + 1) * p, t.gradient()[c * p]);
        }
        LayerTensors flat = withGradient(t, constant);
        assertArrayEquals(method("GradCAM").layerMap(flat, false, null, OPTIONS),
                method("HiResCAM").layerMap(flat, false, null, OPTIONS));
    }

    @Property
    void elementWiseAndLayerCamEqualHiResCamWhenGradientAndActivationAreNonNegative(
            @ForAll("randomLayers") LayerTensors t) {
        LayerTensors positive = new LayerTensors(t.layer(), t.channels(), t.height(), t.width(),
                abs(t.activation()), abs(t.gradient()));
        float[] hiRes = method("HiResCAM").layerMap(positive, false, null, OPTIONS);
        assertArrayEquals(hiRes, method("GradCAMElementWise").layerMap(positive, false, null, OPTIONS));
        assertArrayEquals(hiRes, method("LayerCAM").layerMap(positive, false, null, OPTIONS));
    }

    private static void assertMapsAgreeUnderGradientScaling(CamMethod m, LayerTensors t, boolean eigenSmooth,
            double k) {
        float[] scaledGradient = new float[t.gradient().length];
        for (int i = 0; i < scaledGradient.length; i++) {
            scaledGradient[i] = (float) (k * t.gradient()[i]);
        }
        float[] raw = CamMath.relu(m.layerMap(t, eigenSmooth, null, OPTIONS));
        double range = max(raw) - min(raw);
        double bound = magnitudeBound(t);
        Assume.that(range > 1e-4 * bound);
        // The float rounding of k * G, and scale_cam_image's epsilon: c / (1e-7 + m) vs kc / (1e-7 + km).
        double tolerance = 1e-5 * bound / range + 2e-7 / Math.min(range, k * range) + 1e-6;
        assertClose(finalMap(m, t, eigenSmooth), finalMap(m, withGradient(t, scaledGradient), eigenSmooth),
                tolerance);
    }

    /** The upstream pipeline for one layer: layerMap -> relu -> scaleCam to 7x9 -> aggregate. */
    static float[] finalMap(CamMethod m, LayerTensors t, boolean eigenSmooth) {
        FakeModel model = FakeModel.of(OUT_HEIGHT, OUT_WIDTH, t.channels());
        if (t.gradient() != null) {
            // the target the tensors' gradient belongs to, linear in the layer (for ShapleyCAM's scaled passes)
            model.withQuadraticTarget(t.activation(), new float[t.activation().length], t.gradient());
        }
        float[] map = CamMath.relu(m.layerMap(t, eigenSmooth, model, OPTIONS));
        float[] scaled = CamMath.scaleCam(map, t.height(), t.width(), OUT_HEIGHT, OUT_WIDTH);
        return CamMath.aggregate(List.of(scaled), CamMath.Aggregation.MEAN);
    }

    private static CamMethod method(String name) {
        return CamMethods.find(name).orElseThrow();
    }

    /** max over pixels of sum_c max|G_c| |A_c|: bounds every term the channel-sum methods add. */
    private static double magnitudeBound(LayerTensors t) {
        int p = t.pixels();
        double bound = 0;
        for (int i = 0; i < p; i++) {
            double sum = 0;
            for (int c = 0; c < t.channels(); c++) {
                double gmax = 0;
                for (int j = 0; j < p; j++) {
                    gmax = Math.max(gmax, Math.abs(t.gradient()[c * p + j]));
                }
                sum += gmax * Math.abs(t.activation()[c * p + i]);
            }
            bound = Math.max(bound, sum);
        }
        return bound;
    }

    private static LayerTensors permuteChannels(LayerTensors t, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < t.channels(); c++) {
            order.add(c);
        }
        Collections.shuffle(order, new Random(seed));
        int p = t.pixels();
        float[] a = new float[t.activation().length];
        float[] g = t.gradient() == null ? null : new float[a.length];
        for (int c = 0; c < t.channels(); c++) {
            System.arraycopy(t.activation(), order.get(c) * p, a, c * p, p);
            if (g != null) {
                System.arraycopy(t.gradient(), order.get(c) * p, g, c * p, p);
            }
        }
        return new LayerTensors(t.layer(), t.channels(), t.height(), t.width(), a, g);
    }

    private static LayerTensors withGradient(LayerTensors t, float[] gradient) {
        return new LayerTensors(t.layer(), t.channels(), t.height(), t.width(), t.activation(), gradient);
    }

    private static float[] abs(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(values[i]);
        }
        return out;
    }

    static void assertClose(float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "at " + i);
        }
    }

    private static double max(float[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double min(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
