package dev.yolocam.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a value the reader produced with the JSON the oracle's Python wrote for it: JSON ints are Longs, floats
 * Doubles, arrays lists or tuples (or a tensor, compared by its values in C order), objects dicts (JSON keys are
 * strings, so dict keys are compared as strings).
 */
final class PythonValues {
    private PythonValues() {
    }

    static void assertMatches(JsonNode expected, Object actual, String where) {
        if (expected.isNull()) {
            assertNull(actual, where);
        } else if (expected.isBoolean()) {
            assertEquals(expected.asBoolean(), actual, where);
        } else if (expected.isIntegralNumber()) {
            assertInstanceOf(Long.class, actual, where);
            assertEquals(expected.asLong(), (long) (Long) actual, where);
        } else if (expected.isFloatingPointNumber()) {
            assertInstanceOf(Double.class, actual, where);
            assertEquals(expected.asDouble(), (double) (Double) actual, 0, where);
        } else if (expected.isTextual()) {
            assertEquals(expected.asText(), actual, where);
        } else if (expected.isArray() && actual instanceof TensorData tensor) {
            List<Double> flat = new ArrayList<>();
            flatten(expected, flat);
            double[] values = tensor.toDoubles();
            assertEquals(flat.size(), values.length, where + " element count");
            for (int i = 0; i < values.length; i++) {
                assertEquals(flat.get(i), values[i], 0, where + "[" + i + "]");
            }
        } else if (expected.isArray()) {
            assertInstanceOf(List.class, actual, where);
            List<?> list = (List<?>) actual;
            assertEquals(expected.size(), list.size(), where + " length");
            for (int i = 0; i < list.size(); i++) {
                assertMatches(expected.get(i), list.get(i), where + "[" + i + "]");
            }
        } else if (expected.isObject()) {
            assertInstanceOf(Map.class, actual, where);
            Map<?, ?> map = (Map<?, ?>) actual;
            assertEquals(expected.size(), map.size(), where + " size");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                assertTrue(expected.has(key), where + " has unexpected key " + key);
                assertMatches(expected.get(key), entry.getValue(), where + "." + key);
            }
        } else {
            throw new AssertionError(where + ": unexpected JSON " + expected);
        }
    }

    private static void flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(child -> flatten(child, out));
        } else {
            out.add(node.asDouble());
        }
    }
}
