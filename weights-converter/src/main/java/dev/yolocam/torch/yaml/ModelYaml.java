package dev.yolocam.torch.yaml;

import dev.yolocam.errors.UnsupportedModelException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A YOLOv5 model YAML ({@code models/yolov5s.yaml} style), checked for the keys {@code parse_model} reads and
 * normalised to pickle-like values.
 *
 * @param file       where it came from (null when given as a map); used in messages and {@code yaml_file}
 * @param dict       the whole YAML with {@code ch} set, exactly what a DetectionModel keeps as {@code self.yaml}
 * @param layers     backbone + head rows
 */
record ModelYaml(Path file, Map<String, Object> dict, List<LayerSpec> layers) {

    static ModelYaml read(Path file) {
        Object loaded;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UnsupportedModelException(file, "cannot read the model yaml: " + e.getMessage());
        } catch (YAMLException e) {
            throw new UnsupportedModelException(file, "not a valid YAML file: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new UnsupportedModelException(file, "not a YOLOv5 model yaml (expected a mapping at the top)");
        }
        return of(map, file);
    }

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
        List<LayerSpec> layers = new ArrayList<>();
        for (String part : List.of("backbone", "head")) {
            if (!(dict.get(part) instanceof List<?> rows)) {
                throw problem(file, "'" + part + "' in the model yaml is not a list");
            }
            for (Object row : rows) {
                layers.add(layer(layers.size(), row, file));
            }
        }
        return new ModelYaml(file, dict, List.copyOf(layers));
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

    private static LayerSpec layer(int index, Object row, Path file) {
        if (row instanceof List<?> r && r.size() == 4 && validFrom(r.get(0)) && r.get(1) instanceof Long n
                && r.get(2) instanceof String module && r.get(3) instanceof List<?> args) {
            return new LayerSpec(index, r.get(0), n, module, new ArrayList<>(args));
        }
        throw problem(file, "layer " + index + " of the model yaml is not [from, number, module, args]: " + row);
    }

    private static boolean validFrom(Object from) {
        return from instanceof Long
                || from instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof Long);
    }

    private static UnsupportedModelException problem(Path file, String message) {
        return new UnsupportedModelException(file, message);
    }
}
