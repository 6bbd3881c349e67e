package dev.yolocam.torch;

import dev.yolocam.errors.CheckpointException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies unpickled values into the unmodifiable plain data that {@link Checkpoint} and {@link ModuleNode} hand out.
 * Values shared in the pickle stay shared in the copy; data nested deeper than {@link #MAX_DEPTH} or containing
 * itself (which no checkpoint needs, and which would make equals/toString recurse forever) is refused.
 */
final class PlainData {
    static final int MAX_DEPTH = 100;

    private final Path file;
    private final Map<Object, Object> copies = new IdentityHashMap<>();
    private final Set<Object> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    PlainData(Path file) {
        this.file = file;
    }

    /** @param where what the value is, for messages ("metadata 'opt'", "attribute model.24.anchors") */
    Object copy(Object value, String where) {
        return copy(value, where, 0);
    }

    private Object copy(Object value, String where, int depth) {
        if (!isContainer(value)) {
            return value;
        }
        Object done = copies.get(value);
        if (done != null) {
            return done;
        }
        if (depth >= MAX_DEPTH) {
            throw new CheckpointException(file, where + " nests deeper than " + MAX_DEPTH + " levels");
        }
        if (!inProgress.add(value)) {
            throw new CheckpointException(file, where + " contains itself (cyclic data)");
        }
        Object copy = copyContainer(value, where, depth + 1);
        inProgress.remove(value);
        copies.put(value, copy);
        return copy;
    }

    private Object copyContainer(Object value, String where, int depth) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(copy(item, where, depth));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.put(copy(entry.getKey(), where, depth), copy(entry.getValue(), where, depth));
            }
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof Set<?> set) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object item : set) {
                out.add(copy(item, where, depth));
            }
            return Collections.unmodifiableSet(out);
        }
        PyObject object = (PyObject) value;
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) copy(object.args(), where, depth);
        return new PyObject(object.pythonClass(), args, copy(object.state(), where, depth));
    }

    private static boolean isContainer(Object value) {
        return value instanceof List<?> || value instanceof Map<?, ?> || value instanceof Set<?>
                || value instanceof PyObject;
    }
}
