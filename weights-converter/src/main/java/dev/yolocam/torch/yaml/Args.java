package dev.yolocam.torch.yaml;

import java.util.List;

/** The positional arguments of one Python constructor call, read with Python's defaults and truthiness. */
final class Args {
    private final String call;
    private final List<Object> values;

    Args(String call, List<Object> values) {
        this.call = call;
        this.values = values;
    }

    /** Argument {@code index}, or {@code fallback} when the call passes fewer arguments. */
    Object get(int index, Object fallback) {
        return index < values.size() ? values.get(index) : fallback;
    }

    /** A required int argument. */
    long integer(int index, String name) {
        if (index >= values.size()) {
            throw new IllegalArgumentException(call + "() is missing its argument '" + name + "'");
        }
        return integerValue(values.get(index), name);
    }

    long integer(int index, String name, long fallback) {
        return index < values.size() ? integerValue(values.get(index), name) : fallback;
    }

    /** A float argument that may also be given as an int ({@code e=1}). */
    double number(int index, String name, double fallback) {
        Object value = get(index, fallback);
        if (value instanceof Number n && !(value instanceof Double d && d.isNaN())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(call + "(): argument '" + name + "' must be a number, not " + value);
    }

    int size() {
        return values.size();
    }

    /** Python's {@code bool(value)} for the values a YAML can hold. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        return true;
    }

    private long integerValue(Object value, String name) {
        if (value instanceof Long n) {
            return n;
        }
        if (value instanceof Boolean b) { // a Python bool is an int
            return b ? 1 : 0;
        }
        throw new IllegalArgumentException(call + "(): argument '" + name + "' must be an int, not " + value);
    }
}
