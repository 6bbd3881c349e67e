package dev.yolocam.torch.yaml;

import dev.yolocam.errors.UnsupportedModelException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YOLOv5 model YAML ({@code models/yolov5s.yaml} style), checked for the keys {@code parse_model} reads and
 * normalised to pickle-like values.
 *
 * @param file       where it came from (null when given as a map); used in messages and {@code yaml_file}
 * @param dict       the whole YAML with {@code ch} set, exactly what a DetectionModel keeps as {@code self.yaml}
 * @param layers     backbone + head rows
 */
record ModelYaml(Path file, Map<String, Object> dict, List<LayerSpec> layers) {

    /** Checks and normalises an already parsed YAML; {@code ch} defaults to 3 input channels like Model(cfg). */
    static ModelYaml of(Map<?, ?> parsed, Path file) {
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = new LinkedHashMap<>((Map<String, Object>) PickleValues.normalise(parsed));
        for (String key : List.of("nc", "depth_multiple", "width_multiple", "anchors", "backbone", "head")) {
            if (dict.get(key) == null) {
                throw problem(file, "the model yaml has no '" + key + "'");
            }
        }
        dict.putIfAbsent("ch", 3L);
        return new ModelYaml(file, dict, LayerSpec.rows(dict, file));
    }

    long nc() {
        return integer("nc");
    }

    double depthMultiple() {
        return number("depth_multiple");
    }

    double widthMultiple() {
        return number("width_multiple");
    }

    long inputChannels() {
        return integer("ch");
    }

    Object anchors() {
        return dict.get("anchors");
    }

    /** The {@code activation:} expression, or null when the model keeps the default SiLU. */
    String activation() {
        Object act = dict.get("activation");
        return act == null || act instanceof String s && s.isEmpty() ? null : String.valueOf(act);
    }

    /** {@code self.yaml.get('inplace', True)}. */
    Object inplace() {
        return dict.getOrDefault("inplace", Boolean.TRUE);
    }

    /** The file name for messages: "yolov5s.yaml", or "the model yaml" when there is no file. */
    String displayName() {
        return file == null ? "the model yaml" : String.valueOf(file.getFileName());
    }

    UnsupportedModelException problem(String message) {
        return problem(file, message);
    }

    private long integer(String key) {
        if (dict.get(key) instanceof Long value) {
            return value;
        }
        throw problem("'" + key + "' in the model yaml is not an integer: " + dict.get(key));
    }

    private double number(String key) {
        if (dict.get(key) instanceof Number value) {
            return value.doubleValue();
        }
        throw problem("'" + key + "' in the model yaml is not a number: " + dict.get(key));
    }

    private static UnsupportedModelException problem(Path file, String message) {
        return new UnsupportedModelException(file, message);
    }
}
