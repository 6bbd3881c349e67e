package dev.yolocam.torch.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * What DetectionModel's constructor learns from {@code forward(torch.zeros(1, ch, 256, 256))}: the stride of every
 * Detect level, {@code 256 / height of its input}. Only feature map sizes are propagated, never values.
 */
final class StrideDryRun {
    static final long SIZE = 256;

    private StrideDryRun() {
    }

    /** The strides of the Detect layer, which must be the last of {@code layers}. */
    static double[] strides(List<Block> layers, List<LayerSpec> specs) {
        List<Spatial> outputs = new ArrayList<>();
        Spatial x = new Spatial(SIZE, SIZE);
        for (int i = 0; i < layers.size(); i++) {
            List<Spatial> inputs = inputs(specs.get(i), x, outputs);
            if (i == layers.size() - 1) {
                double[] strides = new double[inputs.size()];
                for (int k = 0; k < strides.length; k++) {
                    strides[k] = (double) SIZE / inputs.get(k).h();
                }
                return strides;
            }
            try {
                x = layers.get(i).spatial().apply(inputs);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + i + " " + specs.get(i).module()
                        + " (dry run at 256x256): " + e.getMessage(), e);
            }
            outputs.add(x);
        }
        throw new IllegalArgumentException("the model has no layers");
    }

    /** {@code x = y[m.f] if isinstance(m.f, int) else [x if j == -1 else y[j] for j in m.f]}. */
    private static List<Spatial> inputs(LayerSpec spec, Spatial previous, List<Spatial> outputs) {
        List<Spatial> inputs = new ArrayList<>();
        for (long f : spec.fromList()) {
            if (f == -1) {
                inputs.add(previous);
            } else {
                long k = f < 0 ? outputs.size() + f : f;
                if (k < 0 || k >= outputs.size()) {
                    throw new IllegalArgumentException("layer " + spec.index() + ": 'from' index " + f
                            + " does not name an earlier layer");
                }
                inputs.add(outputs.get((int) k));
            }
        }
        return inputs;
    }
}
