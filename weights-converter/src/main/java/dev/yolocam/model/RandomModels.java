package dev.yolocam.model;

import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import dev.yolocam.torch.yaml.YamlModelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Untrained models of the standard sizes with random but non-degenerate weights, for benchmarks and tests that need a
 * full-size network without a checkpoint: YOLOv5 v7.0 ({@code yolov5s}, ...) and Ultralytics 8.3.166 YOLOv8 /
 * YOLO11 ({@code yolov8n}, {@code yolo11s}, ...). The structure is upstream's model YAML (bundled as resources,
 * {@code yolov5s.yaml}, {@code yolov8.yaml} + scale); the weights are drawn like the oracle's random models (see
 * {@link RandomStateDict}; for YOLOv8/YOLO11 {@link UltralyticsRandomStateDict} and {@link MeanFieldCalibration}),
 * so activations neither vanish nor saturate and the output depends on the input. The tree is the one
 * {@link YamlModelBuilder} makes from a state_dict, so it goes through the same graph builder as a real checkpoint.
 */
public final class RandomModels {
    private static final List<String> YOLOV5 =
            List.of("yolov5n", "yolov5s", "yolov5m", "yolov5l", "yolov5x", "yolov5n6", "yolov5s6");
    private static final List<String> ULTRALYTICS = List.of("yolov8n", "yolov8s", "yolov8m", "yolov8l", "yolov8x",
            "yolo11n", "yolo11s", "yolo11m", "yolo11l", "yolo11x");

    /** The variants there is a bundled YAML for. */
    public static final List<String> VARIANTS = Stream.concat(YOLOV5.stream(), ULTRALYTICS.stream()).toList();

    private RandomModels() {
    }

    /**
     * @param variant a name from {@link #VARIANTS}, e.g. {@code yolov5s}, {@code yolov5n6} or {@code yolo11n}
     * @param classes number of classes ({@code nc}); class names are {@code "0", "1", ...}
     * @param seed    the same seed always gives the same weights
     * @throws IllegalArgumentException for an unknown variant or fewer than one class
     */
    public static ModuleNode build(String variant, int classes, long seed) {
        if (classes < 1) {
            throw new IllegalArgumentException("a model needs at least one class, not " + classes);
        }
        Map<String, Object> yaml = yaml(variant);
        yaml.put("nc", (long) classes);
        Map<String, long[]> layout = YamlModelBuilder.expectedTensors(yaml);
        double[] strides = YamlModelBuilder.detectStrides(yaml);
        if (YOLOV5.contains(variant)) {
            DetectPriors priors = new DetectPriors((List<?>) yaml.get("anchors"), strides, classes);
            return YamlModelBuilder.build(yaml, new RandomStateDict(seed, priors).fill(layout));
        }
        Map<String, TensorData> drawn = new UltralyticsRandomStateDict(seed, strides, classes).fill(layout);
        return YamlModelBuilder.build(yaml,
                MeanFieldCalibration.calibrate(YamlModelBuilder.build(yaml, drawn), drawn));
    }

    /**
     * The variant's upstream model YAML, parsed (a fresh, mutable map every call). For YOLOv8/YOLO11 it is what
     * upstream's {@code yaml_model_load('yolov8n.yaml')} returns: {@code yolov8.yaml} with {@code scale: n} and
     * {@code yaml_file: yolov8n.yaml}.
     */
    public static Map<String, Object> yaml(String variant) {
        if (!VARIANTS.contains(variant)) {
            throw new IllegalArgumentException("unknown model variant '" + variant + "'; known: "
                    + String.join(", ", VARIANTS));
        }
        if (YOLOV5.contains(variant)) {
            return new LinkedHashMap<>(resource(variant + ".yaml"));
        }
        String family = variant.substring(0, variant.length() - 1); // yolov8n -> yolov8, as yaml_model_load unifies
        return YamlModelBuilder.ultralyticsYamlLoadedFrom(resource(family + ".yaml"), variant + ".yaml");
    }

    private static Map<String, Object> resource(String name) {
        try (InputStream in = RandomModels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
