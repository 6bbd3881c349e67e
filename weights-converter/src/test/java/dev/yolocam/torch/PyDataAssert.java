package dev.yolocam.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deep comparison of what the unpickler returned with the Python value a test meant, written in Java terms:
 * Integer/Long/BigInteger for int (compared as Python ints), Object[] for a tuple, ArrayList for a list,
 * LinkedHashSet for a set and any other Set for a frozenset, byte[] for bytes. Containers must have the right
 * Python type (a tuple must not come back as a list), dicts and sets their order.
 */
final class PyDataAssert {
    private PyDataAssert() {
    }

    static void assertPyEquals(Object expected, Object actual) {
        assertPyEquals(expected, actual, "value");
    }

    static void assertPyEquals(Object expected, Object actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
        } else if (expected instanceof Integer || expected instanceof Long || expected instanceof BigInteger) {
            BigInteger value = new BigInteger(expected.toString());
            Object javaInt = value.bitLength() < 64 ? (Object) value.longValue() : value;
            assertEquals(javaInt, actual, where);
        } else if (expected instanceof Double || expected instanceof Boolean || expected instanceof String) {
            assertEquals(expected, actual, where);
        } else if (expected instanceof byte[] bytes) {
            assertInstanceOf(byte[].class, actual, where);
            assertArrayEquals(bytes, (byte[]) actual, where);
        } else if (expected instanceof Object[] tuple) {
            assertTrue(PyTypes.isTuple(actual), where + " is a tuple, got " + PyTypes.name(actual));
            assertSequence(Arrays.asList(tuple), (List<?>) actual, where);
        } else if (expected instanceof List<?> list) {
            assertTrue(PyTypes.isList(actual), where + " is a list, got " + PyTypes.name(actual));
            assertSequence(list, (List<?>) actual, where);
        } else if (expected instanceof Map<?, ?> map) {
            assertInstanceOf(Map.class, actual, where);
            Map<?, ?> actualMap = (Map<?, ?>) actual;
            assertEquals(map.size(), actualMap.size(), where + " size");
            Iterator<? extends Map.Entry<?, ?>> actualEntries = actualMap.entrySet().iterator();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Map.Entry<?, ?> actualEntry = actualEntries.next();
                assertPyEquals(entry.getKey(), actualEntry.getKey(), where + " key");
                assertPyEquals(entry.getValue(), actualEntry.getValue(), where + "[" + entry.getKey() + "]");
            }
        } else if (expected instanceof Set<?> set) {
            boolean mutable = expected instanceof LinkedHashSet<?>;
            assertEquals(mutable ? "set" : "frozenset", PyTypes.name(actual), where);
            assertSequence(new ArrayList<>(set), new ArrayList<>((Set<?>) actual), where);
        } else if (expected instanceof PyObject object) {
            assertInstanceOf(PyObject.class, actual, where);
            PyObject actualObject = (PyObject) actual;
            assertEquals(object.pythonClass(), actualObject.pythonClass(), where + " class");
            assertPyEquals(object.args().toArray(), actualObject.args(), where + " args");
            assertPyEquals(object.state(), actualObject.state(), where + " state");
        } else {
            throw new AssertionError(where + ": no comparison for expected " + expected.getClass());
        }
    }

    private static void assertSequence(List<?> expected, List<?> actual, String where) {
        assertEquals(expected.size(), actual.size(), where + " length");
        for (int i = 0; i < expected.size(); i++) {
            assertPyEquals(expected.get(i), actual.get(i), where + "[" + i + "]");
        }
    }
}
