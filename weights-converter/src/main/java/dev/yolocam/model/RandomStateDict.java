package dev.yolocam.model;

import dev.yolocam.torch.TensorData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Fills a YOLOv5 state_dict layout (key -> shape) with seeded random float32 values, drawn like the oracle's random
 * model ({@code testdata/fixtures/README.md}):
 * <ul>
 *   <li>BatchNorm2d: running_mean ~ 0.1 N(0, 1), running_var ~ U(0.5, 2), weight ~ U(0.5, 1.5),
 *       bias ~ 0.1 N(0, 1); num_batches_tracked 0 (int64);</li>
 *   <li>Conv2d weights: PyTorch's default init U(-b, b), b = 1/sqrt(fan_in), times 2.5, so that the convolutions
 *       and not the BatchNorm biases dominate;</li>
 *   <li>Detect output convs: weight ~ N(0, 1) * 20 / sqrt(c_in), bias = default init + {@link DetectPriors};</li>
 *   <li>Detect anchors: {@link DetectPriors#anchorsGridUnits()}.</li>
 * </ul>
 * Values are drawn key by key in layout order from one {@link Random}, whose sequence Java specifies exactly, so a
 * seed gives the same weights on every JVM.
 */
final class RandomStateDict {
    private static final double CONV_GAIN = 2.5;
    private static final double HEAD_STD = 20.0;
    private static final String ANCHORS = "anchors";

    private final Random random;
    private final DetectPriors priors;

    RandomStateDict(long seed, DetectPriors priors) {
        this.random = new Random(seed);
        this.priors = priors;
    }

    Map<String, TensorData> fill(Map<String, long[]> layout) {
        String detect = detectPath(layout);
        Map<String, TensorData> out = new LinkedHashMap<>();
        layout.forEach((key, shape) -> out.put(key, tensor(key, shape, layout, detect)));
        return out;
    }

    private TensorData tensor(String key, long[] shape, Map<String, long[]> layout, String detect) {
        int dot = key.lastIndexOf('.');
        String module = key.substring(0, dot);
        String name = key.substring(dot + 1);
        if (layout.containsKey(module + ".running_var")) {
            return batchNorm(key, name, shape);
        }
        if (key.equals(detect + "." + ANCHORS)) {
            return Float32Tensors.of(key, priors.anchorsGridUnits(), shape);
        }
        long[] convWeight = layout.get(module + ".weight");
        if (convWeight == null || convWeight.length != 4) {
            throw new IllegalArgumentException("no random initialisation for " + key + " " + Arrays.toString(shape));
        }
        long fanIn = convWeight[1] * convWeight[2] * convWeight[3];
        double bound = 1 / Math.sqrt(fanIn);
        boolean head = module.startsWith(detect + ".m.");
        float[] values = new float[Math.toIntExact(Float32Tensors.numel(shape))];
        if (name.equals("weight")) {
            for (int i = 0; i < values.length; i++) {
                values[i] = head ? (float) (random.nextGaussian() * HEAD_STD * bound)
                        : (float) (uniform(-bound, bound) * CONV_GAIN);
            }
        } else if (name.equals("bias")) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) uniform(-bound, bound);
            }
            if (head) {
                priors.addBiasPriors(Integer.parseInt(module.substring(module.lastIndexOf('.') + 1)), values);
            }
        } else {
            throw new IllegalArgumentException("no random initialisation for " + key);
        }
        return Float32Tensors.of(key, values, shape);
    }

    private TensorData batchNorm(String key, String name, long[] shape) {
        if (name.equals("num_batches_tracked")) {
            return Float32Tensors.int64Zero(key, shape);
        }
        float[] values = new float[Math.toIntExact(Float32Tensors.numel(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) switch (name) {
                case "running_mean", "bias" -> 0.1 * random.nextGaussian();
                case "running_var" -> uniform(0.5, 2.0);
                case "weight" -> uniform(0.5, 1.5);
                default -> throw new IllegalArgumentException("unexpected BatchNorm2d tensor " + key);
            };
        }
        return Float32Tensors.of(key, values, shape);
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** The Detect module: the one that has an {@code anchors} buffer. */
    private static String detectPath(Map<String, long[]> layout) {
        for (String key : layout.keySet()) {
            if (key.endsWith("." + ANCHORS)) {
                return key.substring(0, key.length() - ANCHORS.length() - 1);
            }
        }
        throw new IllegalArgumentException("the layout has no Detect anchors");
    }
}
