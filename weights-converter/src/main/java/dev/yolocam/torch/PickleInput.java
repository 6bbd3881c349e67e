package dev.yolocam.torch;

import dev.yolocam.errors.CheckpointException;
import dev.yolocam.errors.UnsafeCheckpointException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A cursor over pickle bytes that never reads past the end, and the error context of the opcode being read: every
 * failure names the byte offset of that opcode. Length claims are checked against the bytes that remain before
 * anything is allocated.
 */
final class PickleInput {
    private final Path file;
    private final byte[] data;
    private final long maxStringBytes;
    private int position;
    private int opcodeStart;

    PickleInput(Path file, byte[] data, long maxStringBytes) {
        this.file = file;
        this.data = data;
        this.maxStringBytes = maxStringBytes;
    }

    boolean hasMore() {
        return position < data.length;
    }

    int remaining() {
        return data.length - position;
    }

    /** Reads the next opcode byte and remembers where it started, for error messages. */
    int opcode() {
        opcodeStart = position;
        return u8();
    }

    int u8() {
        require(1, "a 1-byte argument");
        return data[position++] & 0xff;
    }

    int u16() {
        require(2, "a 2-byte argument");
        int value = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
        position += 2;
        return value;
    }

    int s32() {
        require(4, "a 4-byte argument");
        int value = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8
                | (data[position + 2] & 0xff) << 16 | (data[position + 3] & 0xff) << 24;
        position += 4;
        return value;
    }

    long u32() {
        return s32() & 0xffffffffL;
    }

    /** An unsigned 8-byte length; a value above 2^63 is reported as not fitting the remaining bytes. */
    long u64Length(String what) {
        require(8, "an 8-byte length");
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (data[position + i] & 0xff);
        }
        position += 8;
        if (value < 0) {
            throw corrupt(what + " claims more than 2^63 bytes but only " + remaining() + " remain");
        }
        return value;
    }

    double f64BigEndian() {
        require(8, "an 8-byte float");
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (data[position + i] & 0xff);
        }
        position += 8;
        return Double.longBitsToDouble(bits);
    }

    /** The bytes of a str/bytes value whose length the pickle claims; checked against what remains and the limit. */
    byte[] counted(long length, String what) {
        if (length < 0) {
            throw corrupt(what + " has a negative length " + length);
        }
        if (length > remaining()) {
            throw corrupt(what + " claims " + length + " bytes but only " + remaining() + " remain (truncated?)");
        }
        if (length > maxStringBytes) {
            throw new UnsafeCheckpointException(file, what + " of " + length + " bytes exceeds the limit of "
                    + maxStringBytes + " bytes");
        }
        return take((int) length);
    }

    /** Bytes up to the next newline (excluded); the newline is consumed. */
    byte[] line() {
        for (int i = position; i < data.length; i++) {
            if (data[i] == '\n') {
                byte[] line = take(i - position);
                position++;
                return line;
            }
        }
        throw corrupt("a text argument has no terminating newline (truncated?)");
    }

    /** Checks a length claim (e.g. a FRAME's) against the bytes that remain, without consuming them. */
    void requireAvailable(long length, String what) {
        if (length > remaining()) {
            throw corrupt(what + " claims " + length + " bytes but only " + remaining() + " remain (truncated?)");
        }
    }

    private byte[] take(int length) {
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    private void require(int length, String what) {
        if (remaining() < length) {
            throw corrupt("pickle ends inside " + what + " (truncated?)");
        }
    }

    CheckpointException corrupt(String problem) {
        return new CheckpointException(file, "corrupt pickle at byte " + opcodeStart + ": " + problem);
    }

    UnsafeCheckpointException unsafe(String problem) {
        return new UnsafeCheckpointException(file, problem + " (pickle byte " + opcodeStart + ")");
    }
}
