package dev.yolocam.torch.yaml;

import dev.yolocam.errors.UnsupportedModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code [from, number, module, args]} row of a model YAML's backbone + head, as written (args not evaluated).
 *
 * @param index   the layer's position in backbone + head (its {@code i})
 * @param from    Long, or a List of Long
 * @param number  the repeat count before the depth multiple
 * @param module  the module expression, e.g. {@code C3} or {@code nn.Upsample}
 * @param args    the raw arguments
 */
record LayerSpec(int index, Object from, long number, String module, List<Object> args) {

    /**
     * {@code d["backbone"] + d["head"]} of a normalised YAML dict ({@link PickleValues}).
     *
     * @throws UnsupportedModelException naming {@code file} when a part is missing or a row is malformed
     */
    static List<LayerSpec> rows(Map<String, Object> dict, Path file) {
        List<LayerSpec> layers = new ArrayList<>();
        for (String part : List.of("backbone", "head")) {
            if (dict.get(part) == null) {
                throw new UnsupportedModelException(file, "the model yaml has no '" + part + "'");
            }
            if (!(dict.get(part) instanceof List<?> rows)) {
                throw new UnsupportedModelException(file, "'" + part + "' in the model yaml is not a list");
            }
            for (Object row : rows) {
                layers.add(row(layers.size(), row, file));
            }
        }
        return List.copyOf(layers);
    }

    /** The {@code from} entries as a list (one entry for an int {@code from}). */
    List<Long> fromList() {
        if (from instanceof Long single) {
            return List.of(single);
        }
        @SuppressWarnings("unchecked")
        List<Long> list = (List<Long>) from;
        return list;
    }

    private static LayerSpec row(int index, Object row, Path file) {
        if (row instanceof List<?> r && r.size() == 4 && validFrom(r.get(0)) && r.get(1) instanceof Long n
                && r.get(2) instanceof String module && r.get(3) instanceof List<?> args) {
            return new LayerSpec(index, r.get(0), n, module, new ArrayList<>(args));
        }
        throw new UnsupportedModelException(file, "layer " + index + " of the model yaml is not [from, number, "
                + "module, args]: " + row);
    }

    private static boolean validFrom(Object from) {
        return from instanceof Long
                || from instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof Long);
    }
}
