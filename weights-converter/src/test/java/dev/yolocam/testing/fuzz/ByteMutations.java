package dev.yolocam.testing.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators of {@link ByteMutation}s for a range of a file (or all of it). */
public final class ByteMutations {
    private static final int MAX_FLIPPED_BITS = 8;
    private static final int MAX_OVERWRITE = 64;

    private ByteMutations() {
    }

    /** 1 to 8 random bits flipped anywhere in bytes {@code [start, end)}. */
    public static Arbitrary<ByteMutation> bitFlips(int start, int end) {
        requireRange(start, end);
        return Arbitraries.longs().between(8L * start, 8L * end - 1).list().ofMinSize(1).ofMaxSize(MAX_FLIPPED_BITS)
                .map(ByteMutation.BitFlips::new);
    }

    /** 1 to 64 random bytes written over bytes starting in {@code [start, end)}. */
    public static Arbitrary<ByteMutation> overwrite(int start, int end) {
        requireRange(start, end);
        return Combinators.combine(Arbitraries.integers().between(start, end - 1),
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(MAX_OVERWRITE))
                .as(ByteMutation.Overwrite::new);
    }

    /** Truncation to a length in {@code [start, end)}. */
    public static Arbitrary<ByteMutation> truncation(int start, int end) {
        requireRange(start, end);
        return Arbitraries.integers().between(start, end - 1).map(ByteMutation.Truncation::new);
    }

    /** Bit flips, an overwrite or a truncation, anywhere in a file of {@code length} bytes. */
    public static Arbitrary<ByteMutation> any(int length) {
        return anyWithin(0, length);
    }

    /** Bit flips (most often), an overwrite or a truncation within bytes {@code [start, end)}. */
    public static Arbitrary<ByteMutation> anyWithin(int start, int end) {
        return Arbitraries.frequencyOf(
                Tuple.of(5, bitFlips(start, end)),
                Tuple.of(3, overwrite(start, end)),
                Tuple.of(2, truncation(start, end)));
    }

    private static void requireRange(int start, int end) {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty byte range [" + start + ", " + end + ")");
        }
    }
}
