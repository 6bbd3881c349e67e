package dev.yolocam.torch;

/**
 * Counts the values a pickle makes the unpickler create, push or insert, and refuses the pickle when it asks for
 * more than {@link ReaderLimits#maxPickleValues()}. This bounds the heap and the work a hostile pickle can cause
 * (every copy of a container is paid for, so re-using one memoised dict a million times cannot go quadratic).
 */
final class ValueBudget {
    private final long max;
    private final PickleInput input;
    private long spent;

    ValueBudget(long max, PickleInput input) {
        this.max = max;
        this.input = input;
    }

    void spend(long values) {
        spent += values;
        if (spent > max || spent < 0) {
            throw input.unsafe("the pickle builds more than " + max + " values (limit)");
        }
    }

    /** Derived byte strings (from _codecs.encode and the like) cost one value per 8 bytes. */
    void spendBytes(long bytes) {
        spend(bytes / 8 + 1);
    }
}
