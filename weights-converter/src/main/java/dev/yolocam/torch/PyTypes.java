package dev.yolocam.torch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How unpickled Python values are represented in Java, and their Python type names for error messages.
 * Lists are {@link ArrayList}s, tuples unmodifiable lists, sets {@link LinkedHashSet}s, frozensets unmodifiable sets.
 */
final class PyTypes {
    private PyTypes() {
    }

    static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    static List<Object> tuple(Object... items) {
        List<Object> list = new ArrayList<>(items.length);
        Collections.addAll(list, items);
        return Collections.unmodifiableList(list);
    }

    static boolean isTuple(Object value) {
        return value instanceof List<?> && !(value instanceof ArrayList<?>);
    }

    static boolean isList(Object value) {
        return value instanceof ArrayList<?>;
    }

    static boolean isMutableSet(Object value) {
        return value instanceof LinkedHashSet<?>;
    }

    /** A Python int as Java: a Long when it fits, else a BigInteger. */
    static Object integer(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** The Python type name of an unpickled value, for messages ("list", "dict", "models.common.Conv"). */
    static String name(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Long || value instanceof BigInteger) {
            return "int";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof String) {
            return "str";
        } else if (value instanceof byte[]) {
            return "bytes";
        } else if (value instanceof List<?>) {
            return isTuple(value) ? "tuple" : "list";
        } else if (value instanceof Map<?, ?>) {
            return "dict";
        } else if (value instanceof Set<?>) {
            return isMutableSet(value) ? "set" : "frozenset";
        } else if (value instanceof TensorData) {
            return "tensor";
        } else if (value instanceof TensorData.Storage) {
            return "storage";
        } else if (value instanceof PyObject object) {
            return object.pythonClass();
        } else if (value instanceof PyGlobal global) {
            return "global " + global.qualifiedName();
        }
        return value.getClass().getSimpleName();
    }
}
