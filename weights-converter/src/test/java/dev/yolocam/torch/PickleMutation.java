package dev.yolocam.torch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One opcode-level damage to a pickle, aimed at an instruction found by {@link PickleOps#scan}. Unlike random bit
 * flips, these keep the rest of the pickle intact, so they reach the unpickler's semantics (stack, memo, calls)
 * and the module tree extraction instead of stopping at the first garbled byte.
 */
sealed interface PickleMutation {
    byte[] apply(byte[] pickle, List<PickleOps.Op> ops);

    /** Which instruction of the scanned pickle is damaged. */
    int index();

    /** Removes the whole instruction, opcode and arguments. */
    record DeleteInstruction(int index) implements PickleMutation {
        @Override
        public byte[] apply(byte[] pickle, List<PickleOps.Op> ops) {
            PickleOps.Op op = ops.get(index);
            return splice(pickle, op.offset(), op.end(), new byte[0]);
        }

        @Override
        public String toString() {
            return "delete instruction #" + index;
        }
    }

    /** Repeats the whole instruction right after itself. */
    record DuplicateInstruction(int index) implements PickleMutation {
        @Override
        public byte[] apply(byte[] pickle, List<PickleOps.Op> ops) {
            PickleOps.Op op = ops.get(index);
            byte[] copy = Arrays.copyOfRange(pickle, op.offset(), op.end());
            return splice(pickle, op.end(), op.end(), copy);
        }

        @Override
        public String toString() {
            return "duplicate instruction #" + index;
        }
    }

    /** Removes only the opcode byte, so that its arguments are read as opcodes. */
    record DeleteOpcodeByte(int index) implements PickleMutation {
        @Override
        public byte[] apply(byte[] pickle, List<PickleOps.Op> ops) {
            int at = ops.get(index).offset();
            return splice(pickle, at, at + 1, new byte[0]);
        }

        @Override
        public String toString() {
            return "delete the opcode byte of instruction #" + index;
        }
    }

    /** Replaces the opcode byte by another opcode, keeping the arguments. */
    record ReplaceOpcode(int index, int opcode) implements PickleMutation {
        @Override
        public byte[] apply(byte[] pickle, List<PickleOps.Op> ops) {
            byte[] out = pickle.clone();
            out[ops.get(index).offset()] = (byte) opcode;
            return out;
        }

        @Override
        public String toString() {
            return String.format("replace the opcode of instruction #%d by 0x%02x", index, opcode);
        }
    }

    /**
     * Sets the instruction's integer argument (a length prefix, a memo index, an int) to {@code value}, cut to the
     * field's width.
     */
    record SetIntegerField(int index, long value) implements PickleMutation {
        @Override
        public byte[] apply(byte[] pickle, List<PickleOps.Op> ops) {
            PickleOps.Op op = ops.get(index);
            byte[] out = pickle.clone();
            for (int i = 0; i < op.fieldWidth(); i++) {
                out[op.offset() + 1 + i] = (byte) (value >>> (8 * i));
            }
            return out;
        }

        @Override
        public String toString() {
            return "set the integer field of instruction #" + index + " to " + value;
        }
    }

    /** Replaces a string instruction (of any width) by BINUNICODE of {@code text}. */
    record ReplaceString(int index, String text) implements PickleMutation {
        @Override
        public byte[] apply(byte[] pickle, List<PickleOps.Op> ops) {
            PickleOps.Op op = ops.get(index);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            ByteBuffer instruction = ByteBuffer.allocate(5 + utf8.length).order(ByteOrder.LITTLE_ENDIAN);
            instruction.put((byte) 'X').putInt(utf8.length).put(utf8);
            return splice(pickle, op.offset(), op.end(), instruction.array());
        }

        @Override
        public String toString() {
            return "replace the string of instruction #" + index + " by \"" + text.replace("\n", "\\n") + "\"";
        }
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + insert.length);
        out.write(data, 0, from);
        out.writeBytes(insert);
        out.write(data, to, data.length - to);
        return out.toByteArray();
    }
}
