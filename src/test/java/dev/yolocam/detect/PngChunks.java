package dev.yolocam.detect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** The chunks of a well-formed PNG file, for fuzz tests that remove, repeat or edit them. */
final class PngChunks {
    static final int SIGNATURE_LENGTH = 8;

    /**
     * One chunk: bytes {@code [start, end)} hold its length, type, data and CRC.
     *
     * @param type  the four-letter chunk type ("IHDR", "IDAT", ...)
     * @param start offset of its length field
     * @param end   offset after its CRC
     */
    record Chunk(String type, int start, int end) {
        int dataStart() {
            return start + 8;
        }

        int crcOffset() {
            return end - 4;
        }

        @Override
        public String toString() {
            return type + " at " + start;
        }
    }

    private PngChunks() {
    }

    static boolean isPng(byte[] file) {
        return file.length > SIGNATURE_LENGTH && file[0] == (byte) 0x89 && file[1] == 'P' && file[2] == 'N'
                && file[3] == 'G';
    }

    static List<Chunk> of(byte[] png) {
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png);
        int at = SIGNATURE_LENGTH;
        while (at + 12 <= png.length) {
            int length = in.getInt(at);
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            chunks.add(new Chunk(type, at, at + 12 + length));
            at += 12 + length;
        }
        return chunks;
    }

    /** The CRC the chunk's type and data (as they are in {@code png}) call for. */
    static int crcOf(byte[] png, Chunk chunk) {
        CRC32 crc = new CRC32();
        crc.update(png, chunk.start() + 4, chunk.crcOffset() - chunk.start() - 4);
        return (int) crc.getValue();
    }
}
