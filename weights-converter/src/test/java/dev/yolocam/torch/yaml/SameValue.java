package dev.yolocam.torch.yaml;

import dev.yolocam.torch.TensorData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whether two attribute values mean the same Python value, whatever Java types hold them: JSON or pickle numbers
 * (Integer, Long, Double), tensors as {@link TensorData} or as JSON ({@code {tensor_dtype, shape, values}} or a
 * plain list of numbers). Tensor dtypes are not compared: a half checkpoint's Detect stride is float16, a rebuilt
 * model's float32, and both hold the same numbers.
 */
final class SameValue {
    private SameValue() {
    }

    static boolean test(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (actual instanceof TensorData t) {
            return sameTensor(expected, t);
        }
        if (expected instanceof TensorData t) {
            return sameTensor(actual, t);
        }
        if (expected instanceof Number a && actual instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!test(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            // keys compared as text: JSON has only string keys, a pickled dict may have int keys
            Map<String, Object> byKey = new java.util.HashMap<>();
            b.forEach((k, v) -> byKey.put(String.valueOf(k), v));
            for (Map.Entry<?, ?> e : a.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!byKey.containsKey(key) || !test(e.getValue(), byKey.get(key))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static boolean sameTensor(Object other, TensorData tensor) {
        float[] values = tensor.toFloats();
        if (other instanceof TensorData t) {
            return Arrays.equals(t.shape(), tensor.shape()) && Arrays.equals(t.toFloats(), values);
        }
        if (other instanceof Map<?, ?> json && json.containsKey("shape")) {
            if (!Arrays.equals(Describe.shape(json.get("shape")), tensor.shape())) {
                return false;
            }
            return !json.containsKey("values") || sameNumbers((List<?>) json.get("values"), values);
        }
        return other instanceof List<?> list && tensor.rank() == 1 && sameNumbers(list, values);
    }

    private static boolean sameNumbers(List<?> list, float[] values) {
        if (list.size() != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!(list.get(i) instanceof Number n) || (float) n.doubleValue() != values[i]) {
                return false;
            }
        }
        return true;
    }
}
