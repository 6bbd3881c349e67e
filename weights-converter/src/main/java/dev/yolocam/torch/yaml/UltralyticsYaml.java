package dev.yolocam.torch.yaml;

import dev.yolocam.errors.UnsupportedModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ultralytics 8.x model YAML ({@code yolov8.yaml}, {@code yolo11.yaml}) with what {@code parse_model} derives
 * from its head: the scale and its {@code [depth, width, max_channels]}.
 *
 * @param file         where it came from (null when given as a map); used in messages
 * @param dict         the YAML as {@code DetectionModel} keeps it ({@code self.yaml}, {@code channels} set)
 * @param layers       backbone + head rows
 * @param scale        the scale letter parse_model used ({@code ""} when the YAML has no {@code scales})
 * @param depth        the depth multiple
 * @param width        the width multiple
 * @param maxChannels  the channel cap (infinite without {@code scales})
 */
record UltralyticsYaml(Path file, Map<String, Object> dict, List<LayerSpec> layers, String scale, double depth,
                       double width, double maxChannels) {
    private static final Pattern SCALE_IN_NAME = Pattern.compile("yolo(e-)?v?\\d+([nslmx])");

    /**
     * What {@code yaml_model_load(path)} adds to a model YAML read from a file: {@code scale} guessed from the file
     * name ({@code yolo11n.yaml} -> n; {@code ""} when the name has none, replacing any {@code scale:} in the file,
     * as upstream does), {@code yaml_file}, and top-level {@code "None"} strings as null.
     */
    static Map<String, Object> asLoadedFrom(Map<?, ?> content, String path) {
        Map<String, Object> dict = new LinkedHashMap<>();
        content.forEach((k, v) -> dict.put(String.valueOf(k), "None".equals(v) ? null : v));
        dict.put("scale", guessModelScale(path));
        dict.put("yaml_file", path);
        return dict;
    }

    /** {@code guess_model_scale}: the size letter after {@code yolov8} / {@code yolo11} in the file's stem. */
    static String guessModelScale(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        Matcher m = SCALE_IN_NAME.matcher(dot > 0 ? name.substring(0, dot) : name);
        return m.find() ? m.group(2) : "";
    }

    /**
     * Checks and normalises a YAML dict like {@code DetectionModel(cfg=dict)} + {@code parse_model} read it:
     * {@code channels} (default 3) is the input channel count, and with {@code scales} the scale is {@code scale}
     * or, when that is empty, the first one listed.
     */
    static UltralyticsYaml of(Map<?, ?> parsed, Path file) {
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = new LinkedHashMap<>((Map<String, Object>) PickleValues.normalise(parsed));
        if (dict.get("nc") == null) {
            throw new UnsupportedModelException(file, "the model yaml has no 'nc'");
        }
        List<LayerSpec> layers = LayerSpec.rows(dict, file);
        dict.put("channels", dict.getOrDefault("channels", 3L));
        Object scales = dict.get("scales");
        if (scales == null || scales instanceof Map<?, ?> m && m.isEmpty()) {
            return new UltralyticsYaml(file, dict, layers, "", multiple(dict, "depth_multiple", file),
                    multiple(dict, "width_multiple", file), Double.POSITIVE_INFINITY);
        }
        if (!(scales instanceof Map<?, ?> table)) {
            throw new UnsupportedModelException(file, "'scales' in the model yaml is not a mapping: " + scales);
        }
        Object requested = dict.get("scale");
        String scale = Args.truthy(requested) ? String.valueOf(requested) : String.valueOf(table.keySet().iterator()
                .next());
        if (!(table.get(scale) instanceof List<?> row && row.size() == 3
                && row.stream().allMatch(x -> x instanceof Number))) {
            throw new UnsupportedModelException(file, table.containsKey(scale)
                    ? "scales." + scale + " in the model yaml is not [depth, width, max_channels]: " + table.get(scale)
                    : "scale '" + scale + "' is not one of the yaml's scales " + new ArrayList<>(table.keySet()));
        }
        return new UltralyticsYaml(file, dict, layers, scale, ((Number) row.get(0)).doubleValue(),
                ((Number) row.get(1)).doubleValue(), ((Number) row.get(2)).doubleValue());
    }

    long nc() {
        if (dict.get("nc") instanceof Long nc && nc > 0) {
            return nc;
        }
        throw problem("'nc' in the model yaml is not a positive integer: " + dict.get("nc"));
    }

    long inputChannels() {
        if (dict.get("channels") instanceof Long ch && ch > 0) {
            return ch;
        }
        throw problem("'channels' in the model yaml is not a positive integer: " + dict.get("channels"));
    }

    /** The {@code activation:} expression, or null when Conv keeps its default SiLU. */
    String activation() {
        Object act = dict.get("activation");
        return Args.truthy(act) ? String.valueOf(act) : null;
    }

    /** {@code self.yaml.get('inplace', True)}. */
    Object inplace() {
        return dict.getOrDefault("inplace", Boolean.TRUE);
    }

    /** "yolo11n.yaml (scale n)", or "the model yaml" when there is neither a file nor a scale. */
    String displayName() {
        String name = file == null ? "the model yaml" : String.valueOf(file.getFileName());
        return scale.isEmpty() ? name : name + " (scale " + scale + ")";
    }

    UnsupportedModelException problem(String message) {
        return new UnsupportedModelException(file, message);
    }

    /** {@code d.get(key, 1.0)}. */
    private static double multiple(Map<String, Object> dict, String key, Path file) {
        Object value = dict.getOrDefault(key, 1.0);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new UnsupportedModelException(file, "'" + key + "' in the model yaml is not a number: " + value);
    }
}
