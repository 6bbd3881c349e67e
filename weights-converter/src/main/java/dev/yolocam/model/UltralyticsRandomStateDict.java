package dev.yolocam.model;

import dev.yolocam.torch.TensorData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Fills an Ultralytics 8.x (YOLOv8, YOLO11) state_dict layout (key -> shape) with seeded random float32 values,
 * before {@link MeanFieldCalibration} sets what depends on the network as a whole:
 * <ul>
 *   <li>Conv2d weights: PyTorch's default init U(-b, b), b = 1/sqrt(fan_in);</li>
 *   <li>BatchNorm2d: weight ~ U(0.125, 0.375), bias ~ 0.02 N(0, 1), so that SiLU works near its linear part and
 *       does not amplify the calibration's errors from layer to layer (with the oracle's U(0.5, 1.5) /
 *       0.2 N(0, 1) activations grew far more: seed 0 yolo11x to 5e5 instead of 50); running statistics 0 / 1 until
 *       calibrated; num_batches_tracked 0 (int64);</li>
 *   <li>Detect output convs ({@code cv2.k.2}, {@code cv3.k.2}): weight ~ N(0, 1) b, rescaled by the calibration;
 *       bias as {@code Detect.bias_init()} sets it: 1.0 for the box logits, {@code log(5 / nc / (640 / s)^2)} for
 *       the classes;</li>
 *   <li>the DFL conv: {@code 0, 1, ..., 15}, as upstream fixes it.</li>
 * </ul>
 * Values are drawn key by key in layout order from one {@link Random}, so a seed gives the same weights on every JVM.
 */
final class UltralyticsRandomStateDict {
    private static final String DFL_WEIGHT = ".dfl.conv.weight";

    private final Random random;
    private final double[] strides;
    private final long classes;

    /**
     * @param strides the Detect stride of each level
     * @param classes nc
     */
    UltralyticsRandomStateDict(long seed, double[] strides, long classes) {
        this.random = new Random(seed);
        this.strides = strides.clone();
        this.classes = classes;
    }

    Map<String, TensorData> fill(Map<String, long[]> layout) {
        String detect = detectPath(layout);
        Map<String, TensorData> out = new LinkedHashMap<>();
        layout.forEach((key, shape) -> out.put(key, tensor(key, shape, layout, detect)));
        return out;
    }

    /** The Detect module: the one with a DFL. */
    static String detectPath(Map<String, ?> layout) {
        for (String key : layout.keySet()) {
            if (key.endsWith(DFL_WEIGHT)) {
                return key.substring(0, key.length() - DFL_WEIGHT.length());
            }
        }
        throw new IllegalArgumentException("the layout has no Detect DFL");
    }

    /** Whether {@code module} is one of Detect's output convs, {@code <detect>.cv2.<k>.2} or {@code cv3.<k>.2}. */
    static boolean isOutputConv(String module, String detect) {
        return module.matches(java.util.regex.Pattern.quote(detect) + "\\.cv[23]\\.\\d+\\.2");
    }

    private TensorData tensor(String key, long[] shape, Map<String, long[]> layout, String detect) {
        int dot = key.lastIndexOf('.');
        String module = key.substring(0, dot);
        String name = key.substring(dot + 1);
        int size = Math.toIntExact(Float32Tensors.numel(shape));
        float[] values = new float[size];
        if (layout.containsKey(module + ".running_var")) {
            if (name.equals("num_batches_tracked")) {
                return Float32Tensors.int64Zero(key, shape);
            }
            for (int i = 0; i < size; i++) {
                values[i] = (float) switch (name) {
                    case "weight" -> 0.25 * (0.5 + random.nextDouble());
                    case "bias" -> 0.02 * random.nextGaussian();
                    case "running_mean" -> 0.0;
                    case "running_var" -> 1.0;
                    default -> throw new IllegalArgumentException("unexpected BatchNorm2d tensor " + key);
                };
            }
            return Float32Tensors.of(key, values, shape);
        }
        if (key.equals(detect + DFL_WEIGHT)) {
            for (int i = 0; i < size; i++) {
                values[i] = i;
            }
            return Float32Tensors.of(key, values, shape);
        }
        long[] convWeight = layout.get(module + ".weight");
        if (convWeight == null || convWeight.length != 4) {
            throw new IllegalArgumentException("no random initialisation for " + key + " " + Arrays.toString(shape));
        }
        double bound = 1 / Math.sqrt(convWeight[1] * convWeight[2] * convWeight[3]);
        boolean output = isOutputConv(module, detect);
        if (name.equals("weight")) {
            for (int i = 0; i < size; i++) {
                values[i] = (float) (output ? random.nextGaussian() * bound : (2 * random.nextDouble() - 1) * bound);
            }
        } else if (name.equals("bias") && output) {
            Arrays.fill(values, (float) biasPrior(module, detect));
        } else {
            throw new IllegalArgumentException("no random initialisation for " + key);
        }
        return Float32Tensors.of(key, values, shape);
    }

    /** {@code Detect.bias_init()}: box 1.0; classes {@code log(5 / nc / (640 / s)^2)}, about 5 objects per image. */
    private double biasPrior(String module, String detect) {
        String level = module.substring(detect.length() + ".cv2.".length(), module.length() - ".2".length());
        if (module.startsWith(detect + ".cv2.")) {
            return 1.0;
        }
        double stride = strides[Integer.parseInt(level)];
        return Math.log(5.0 / classes / Math.pow(640 / stride, 2));
    }
}
