package dev.yolocam.torch.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns SnakeYAML's values into the types a pickled model's attributes have ({@link dev.yolocam.torch.ModuleNode}):
 * every integer a Long, every float a Double, lists as List and mappings as insertion-ordered Map.
 */
final class PickleValues {
    private PickleValues() {
    }

    static Object normalise(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big) {
            return big.longValueExact();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(normalise(item));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(normalise(e.getKey()), normalise(e.getValue()));
            }
            return out;
        }
        return value;
    }
}
