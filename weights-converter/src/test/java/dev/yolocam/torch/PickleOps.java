package dev.yolocam.torch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a pickle into its instructions (opcode byte plus arguments), so that fuzz tests can damage it one
 * instruction at a time. The argument layouts are those of CPython's {@code pickletools}, spelled out here
 * independently of the reader. Scanning stops at STOP or at the first byte it does not know.
 */
final class PickleOps {
    private PickleOps() {
    }

    /**
     * One instruction at {@code offset}: the opcode, then {@code end - offset - 1} argument bytes. When the
     * instruction has a fixed-width little-endian integer argument (a length prefix or an immediate int), it is
     * {@code fieldWidth} bytes at {@code offset + 1}; otherwise {@code fieldWidth} is 0.
     */
    record Op(int offset, int opcode, int end, int fieldWidth) {
        String name() {
            return opcode >= 0x20 && opcode < 0x7f ? "'" + (char) opcode + "'" : String.format("0x%02x", opcode);
        }

        @Override
        public String toString() {
            return name() + " at byte " + offset;
        }
    }

    /** Every opcode byte the pickle protocols 0 to 5 define. */
    static final int[] OPCODES = opcodes();

    static List<Op> scan(byte[] pickle) {
        List<Op> ops = new ArrayList<>();
        int at = 0;
        while (at < pickle.length) {
            int opcode = pickle[at] & 0xff;
            int end = argumentsEnd(pickle, at, opcode);
            if (end < 0 || end > pickle.length) {
                break;
            }
            ops.add(new Op(at, opcode, end, fieldWidth(opcode)));
            if (opcode == '.') {
                break;
            }
            at = end;
        }
        return ops;
    }

    /** True for the instructions that push a str (BINUNICODE, SHORT_BINUNICODE, BINUNICODE8). */
    static boolean isString(Op op) {
        return op.opcode() == 'X' || op.opcode() == 0x8c || op.opcode() == 0x8d;
    }

    /** Width of the little-endian integer argument that follows the opcode byte (0 when there is none). */
    static int fieldWidth(int opcode) {
        return switch (opcode) {
            case 0x80, 'K', 'q', 'h', 0x8a, 0x8c, 'U', 'C', 0x82 -> 1;
            case 'M', 0x83 -> 2;
            case 'J', 'r', 'j', 0x8b, 'X', 'T', 'B', 0x84 -> 4;
            case 0x95, 0x8d, 0x8e, 0x96 -> 8;
            default -> 0;
        };
    }

    /** Where the instruction at {@code at} ends, or -1 for an unknown opcode. */
    private static int argumentsEnd(byte[] pickle, int at, int opcode) {
        int field = at + 1;
        return switch (opcode) {
            // counted: a length field, then that many bytes
            case 0x8a, 0x8c, 'U', 'C', 0x8b, 'X', 'T', 'B', 0x8d, 0x8e, 0x96 -> {
                int width = fieldWidth(opcode);
                long count = littleEndian(pickle, field, width);
                yield count < 0 || count > pickle.length ? -1 : (int) (field + width + count);
            }
            case 'I', 'L', 'F', 'V', 'S', 'P', 'p', 'g' -> lineEnd(pickle, field, 1);
            case 'c', 'i' -> lineEnd(pickle, field, 2);
            case 'G' -> field + 8;
            default -> isKnown(opcode) ? field + fieldWidth(opcode) : -1;
        };
    }

    private static int lineEnd(byte[] pickle, int from, int lines) {
        int at = from;
        for (int i = 0; i < lines; i++) {
            while (at < pickle.length && pickle[at] != '\n') {
                at++;
            }
            if (at >= pickle.length) {
                return -1;
            }
            at++;
        }
        return at;
    }

    static long littleEndian(byte[] data, int offset, int width) {
        if (offset + width > data.length) {
            return -1;
        }
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (data[offset + i] & 0xff);
        }
        return value;
    }

    private static boolean isKnown(int opcode) {
        for (int known : OPCODES) {
            if (known == opcode) {
                return true;
            }
        }
        return false;
    }

    private static int[] opcodes() {
        String ascii = "(.012NFIJKLMPQRSTUVX]abcdeghijlopqrstu})G";
        int[] out = new int[ascii.length() + 0x98 - 0x80 + 1];
        int i = 0;
        for (char c : ascii.toCharArray()) {
            out[i++] = c;
        }
        for (int op = 0x80; op <= 0x98; op++) {
            out[i++] = op;
        }
        return out;
    }
}
