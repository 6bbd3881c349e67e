package dev.yolocam.testing.fuzz;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One damage done to a file's bytes. Its {@code toString()} says exactly what was done, so that a failing fuzz case
 * can be rebuilt by hand from the report alone.
 */
public sealed interface ByteMutation {
    /** A damaged copy of {@code input}; {@code input} itself is left alone. */
    byte[] apply(byte[] input);

    /** Flips single bits; a position is {@code byteOffset * 8 + bit}. Positions past the end are skipped. */
    record BitFlips(List<Long> bitPositions) implements ByteMutation {
        public BitFlips {
            bitPositions = List.copyOf(bitPositions);
        }

        @Override
        public byte[] apply(byte[] input) {
            byte[] out = input.clone();
            for (long position : bitPositions) {
                int offset = (int) (position >>> 3);
                if (offset < out.length) {
                    out[offset] ^= (byte) (1 << (position & 7));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "flip bits " + bitPositions.stream().map(p -> (p >>> 3) + "." + (p & 7))
                    .collect(Collectors.joining(", ", "[", "]")) + " (byte.bit)";
        }
    }

    /** Overwrites the bytes from {@code offset} on with {@code bytes} (cut at the end of the input). */
    record Overwrite(int offset, byte[] bytes) implements ByteMutation {
        public Overwrite {
            bytes = bytes.clone();
        }

        @Override
        public byte[] apply(byte[] input) {
            byte[] out = input.clone();
            int length = Math.max(0, Math.min(bytes.length, out.length - offset));
            System.arraycopy(bytes, 0, out, offset, length);
            return out;
        }

        @Override
        public String toString() {
            return "overwrite " + bytes.length + " bytes at " + offset + " with " + HexFormat.of().formatHex(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Overwrite o && o.offset == offset && Arrays.equals(o.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return 31 * offset + Arrays.hashCode(bytes);
        }
    }

    /** Replaces {@code removed} bytes at {@code offset} by {@code inserted} (the length may change). */
    record Splice(int offset, int removed, byte[] inserted) implements ByteMutation {
        public Splice {
            inserted = inserted.clone();
        }

        @Override
        public byte[] apply(byte[] input) {
            int from = Math.min(offset, input.length);
            int to = Math.min(from + removed, input.length);
            byte[] out = new byte[input.length - (to - from) + inserted.length];
            System.arraycopy(input, 0, out, 0, from);
            System.arraycopy(inserted, 0, out, from, inserted.length);
            System.arraycopy(input, to, out, from + inserted.length, input.length - to);
            return out;
        }

        @Override
        public String toString() {
            return "replace " + removed + " bytes at " + offset + " by " + inserted.length + " bytes "
                    + HexFormat.of().formatHex(inserted);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Splice s && s.offset == offset && s.removed == removed
                    && Arrays.equals(s.inserted, inserted);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * offset + removed) + Arrays.hashCode(inserted);
        }
    }

    /** Keeps only the first {@code length} bytes. */
    record Truncation(int length) implements ByteMutation {
        @Override
        public byte[] apply(byte[] input) {
            return Arrays.copyOf(input, Math.min(length, input.length));
        }

        @Override
        public String toString() {
            return "truncate to " + length + " bytes";
        }
    }
}
