package dev.yolocam.cam;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random layer tensors for properties: small shapes, and values that are random, all zero, constant or all
 * negative, so that degenerate inputs come up often.
 */
public final class TensorArbitraries {
    private TensorArbitraries() {
    }

    /** Activation and gradient of up to 6 channels of up to 5 x 6 pixels, each of any value kind. */
    static Arbitrary<LayerTensors> layers() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 6)).as((c, h, w) -> new int[] {c, h, w})
                .flatMap(shape -> {
                    int n = shape[0] * shape[1] * shape[2];
                    return Combinators.combine(values(n), values(n)).as((a, g) ->
                            new LayerTensors("layer", shape[0], shape[1], shape[2], a, g));
                });
    }

    /** Random activations and gradients only (no degenerate kinds), for properties that need a non-trivial map. */
    static Arbitrary<LayerTensors> randomLayers() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 6)).as((c, h, w) -> new int[] {c, h, w})
                .flatMap(shape -> {
                    int n = shape[0] * shape[1] * shape[2];
                    return Combinators.combine(uniform(n, -5, 5), uniform(n, -5, 5)).as((a, g) ->
                            new LayerTensors("layer", shape[0], shape[1], shape[2], a, g));
                });
    }

    /** n values: uniform in [-5, 5], all zero, one constant, or all negative. */
    public static Arbitrary<float[]> values(int n) {
        return Arbitraries.oneOf(List.of(
                uniform(n, -5, 5),
                Arbitraries.just(0).map(ignored -> new float[n]),
                Arbitraries.floats().between(-5, 5).ofScale(4).map(v -> filled(n, v)),
                uniform(n, -5, -0.001f)));
    }

    static Arbitrary<float[]> uniform(int n, float min, float max) {
        return Arbitraries.floats().between(min, max).ofScale(4).list().ofSize(n).map(TensorArbitraries::toArray);
    }

    static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static float[] filled(int n, float v) {
        float[] out = new float[n];
        Arrays.fill(out, v);
        return out;
    }
}
