package dev.yolocam.torch.yaml;

import java.util.List;

/** An (h, w) pair as torch's {@code _pair} makes it from an int or a 2-element list. */
record Pair(long h, long w) {

    static Pair of(long both) {
        return new Pair(both, both);
    }

    /** An int or a list of two ints. */
    static Pair of(Object value, String what) {
        if (value instanceof Long n) {
            return of(n);
        }
        if (value instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Long h
                && list.get(1) instanceof Long w) {
            return new Pair(h, w);
        }
        throw new IllegalArgumentException(what + " must be an int or a pair of ints, not " + value);
    }

    List<Long> asList() {
        return List.of(h, w);
    }
}
