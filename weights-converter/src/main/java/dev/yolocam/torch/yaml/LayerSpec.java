package dev.yolocam.torch.yaml;

import java.util.List;

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

    /** The {@code from} entries as a list (one entry for an int {@code from}). */
    List<Long> fromList() {
        if (from instanceof Long single) {
            return List.of(single);
        }
        @SuppressWarnings("unchecked")
        List<Long> list = (List<Long>) from;
        return list;
    }
}
