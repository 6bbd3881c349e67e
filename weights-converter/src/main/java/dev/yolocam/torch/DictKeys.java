package dev.yolocam.torch;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Set;

/**
 * Admits only hashable values as dict keys and set elements, as Python does, and only small ones: a key is hashed
 * and compared by Java collections, so an unbounded or self-containing key could overflow the stack or make every
 * insertion slow. YOLOv5 checkpoints only use str and int keys.
 */
final class DictKeys {
    private static final int MAX_KEY_PARTS = 256;
    private static final int MAX_COMPOSITE_KEYS = 10_000;

    private final PickleInput input;
    private int compositeKeys;

    DictKeys(PickleInput input) {
        this.input = input;
    }

    void requireHashable(Object key) {
        if (isSimple(key)) {
            return;
        }
        // Keys whose hashes an attacker can make collide without an ordering for HashMap's tree bins.
        if (++compositeKeys > MAX_COMPOSITE_KEYS) {
            throw input.unsafe("more than " + MAX_COMPOSITE_KEYS + " tuple or object dict keys");
        }
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(new Object[] {key});
        long parts = 0;
        while (!pending.isEmpty()) {
            for (Object part : (Object[]) pending.pop()) {
                parts += part instanceof BigInteger big ? 1 + big.bitLength() / 64 : 1;
                if (parts > MAX_KEY_PARTS) {
                    throw input.unsafe("a dict key or set element has more than " + MAX_KEY_PARTS + " parts");
                }
                if (isSimple(part) || part instanceof BigInteger || part instanceof byte[] || part instanceof PyGlobal
                        || part instanceof TensorData) {
                    continue;
                }
                if (PyTypes.isTuple(part) || (part instanceof Set<?> && !PyTypes.isMutableSet(part))) {
                    pending.push(((Collection<?>) part).toArray());
                    continue;
                }
                throw input.corrupt("unhashable dict key or set element of type " + PyTypes.name(part));
            }
        }
    }

    private static boolean isSimple(Object key) {
        return key == null || key instanceof String || key instanceof Long || key instanceof Boolean
                || key instanceof Double || (key instanceof BigInteger big && big.bitLength() <= 64 * 4);
    }
}
