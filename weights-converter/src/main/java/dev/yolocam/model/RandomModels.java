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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Untrained YOLOv5 v7.0 models of the standard sizes with random but non-degenerate weights, for benchmarks and
 * tests that need a full-size network without a checkpoint. The structure is upstream's model YAML (bundled as
 * resources, {@code yolov5s.yaml} ...); the weights are drawn like the oracle's random model (see
 * {@link RandomStateDict}), so activations neither vanish nor saturate and the output depends on the input. The
 * tree is the one {@link YamlModelBuilder} makes from a state_dict, so it goes through the same graph builder as a
 * real checkpoint.
 */
public final class RandomModels {
    /** The variants there is a bundled YAML for. */
    public static final List<String> VARIANTS =
            List.of("yolov5n", "yolov5s", "yolov5m", "yolov5l", "yolov5x", "yolov5n6", "yolov5s6");

    private RandomModels() {
    }

    /**
     * @param variant a name from {@link #VARIANTS}, e.g. {@code yolov5s} or {@code yolov5n6}
     * @param classes number of classes ({@code nc}); class names are {@code "0", "1", ...}
     * @param seed    the same seed always gives the same weights
     * @throws IllegalArgumentException for an unknown variant or fewer than one class
     */
    public static ModuleNode yolov5(String variant, int classes, long seed) {
        if (classes < 1) {
            throw new IllegalArgumentException("a model needs at least one class, not " + classes);
        }
        Map<String, Object> yaml = yaml(variant);
        yaml.put("nc", (long) classes);
        DetectPriors priors = new DetectPriors((List<?>) yaml.get("anchors"), YamlModelBuilder.detectStrides(yaml),
                classes);
        Map<String, TensorData> stateDict = new RandomStateDict(seed, priors)
                .fill(YamlModelBuilder.expectedTensors(yaml));
        return YamlModelBuilder.build(yaml, stateDict);
    }

    /** The variant's upstream model YAML, parsed (a fresh, mutable map every call). */
    public static Map<String, Object> yaml(String variant) {
        if (!VARIANTS.contains(variant)) {
            throw new IllegalArgumentException("unknown YOLOv5 variant '" + variant + "'; known: "
                    + String.join(", ", VARIANTS));
        }
        String resource = variant + ".yaml";
        try (InputStream in = RandomModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new LinkedHashMap<>(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
