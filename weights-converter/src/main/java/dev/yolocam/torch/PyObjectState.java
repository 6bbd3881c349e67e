package dev.yolocam.torch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What BUILD does to an inert object: Python's default {@code __setstate__}, i.e. the state dict (or the
 * {@code (dict, slots)} pair) is merged into the object's {@code __dict__}. Any other state (numpy's dtype and
 * ndarray pickle a tuple) is kept under {@link #NON_DICT_STATE}.
 */
final class PyObjectState {
    /** The key under which a non-dict BUILD state is kept in {@link PyObject#state()}. */
    static final String NON_DICT_STATE = "__state__";

    private PyObjectState() {
    }

    /** A fresh object of an allow-listed class, its {@code __dict__} to be filled by BUILD. */
    static PyObject newObject(String pythonClass, List<Object> args) {
        return new PyObject(pythonClass, args, new LinkedHashMap<String, Object>());
    }

    /** Applies a BUILD state to an object's {@code __dict__}; returns how many entries were copied. */
    static int apply(Map<Object, Object> dict, Object state) {
        if (state instanceof Map<?, ?> map) {
            dict.putAll(map);
            return map.size();
        }
        if (PyTypes.isTuple(state) && state instanceof List<?> pair && pair.size() == 2
                && (pair.get(0) == null || pair.get(0) instanceof Map<?, ?>)
                && (pair.get(1) == null || pair.get(1) instanceof Map<?, ?>)) {
            int copied = 0;
            for (Object part : pair) {
                if (part instanceof Map<?, ?> map) {
                    dict.putAll(map);
                    copied += map.size();
                }
            }
            return copied;
        }
        dict.put(NON_DICT_STATE, state);
        return 1;
    }
}
