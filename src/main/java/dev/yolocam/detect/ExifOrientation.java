package dev.yolocam.detect;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Finds the EXIF orientation tag (0x0112) of a JPEG, as {@code cv2.imread} does before returning the pixels.
 * Only the marker segments before the first scan are looked at, and at most {@value #MAX_SEGMENTS} of them, so a
 * hostile file cannot make this read much. Anything that is not a JPEG, has no EXIF block, or has a damaged one
 * yields {@link #NORMAL}.
 */
final class ExifOrientation {
    /** "Top-left": the stored pixels are already upright. */
    static final int NORMAL = 1;

    private static final int MAX_SEGMENTS = 64;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifOrientation() {
    }

    /** The orientation 1..8 of the JPEG read from {@code in}, or {@link #NORMAL}. */
    static int read(InputStream in) throws IOException {
        try {
            if (u8(in) != 0xFF || u8(in) != 0xD8) {
                return NORMAL;
            }
            for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
                if (u8(in) != 0xFF) {
                    return NORMAL;
                }
                int marker = u8(in);
                while (marker == 0xFF) {
                    marker = u8(in);
                }
                if (marker == 0xD9 || marker == 0xDA) {
                    return NORMAL;
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue;
                }
                int length = (u8(in) << 8) | u8(in);
                if (length < 2) {
                    return NORMAL;
                }
                byte[] payload = in.readNBytes(length - 2);
                if (payload.length != length - 2) {
                    return NORMAL;
                }
                if (marker == 0xE1 && startsWith(payload, EXIF_HEADER)) {
                    return fromTiff(payload, EXIF_HEADER.length);
                }
            }
            return NORMAL;
        } catch (EOFException e) {
            return NORMAL;
        }
    }

    /** Parses IFD0 of the TIFF structure starting at {@code base}; bounds-checked throughout. */
    static int fromTiff(byte[] b, int base) {
        if (b.length - base < 8) {
            return NORMAL;
        }
        boolean little;
        if (b[base] == 'I' && b[base + 1] == 'I') {
            little = true;
        } else if (b[base] == 'M' && b[base + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        if (u16(b, base + 2, little) != 42) {
            return NORMAL;
        }
        long ifd = base + u32(b, base + 4, little);
        if (ifd + 2 > b.length) {
            return NORMAL;
        }
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > b.length) {
                return NORMAL;
            }
            int e = (int) entry;
            if (u16(b, e, little) == ORIENTATION_TAG) {
                if (u16(b, e + 2, little) != TYPE_SHORT || u32(b, e + 4, little) < 1) {
                    return NORMAL;
                }
                int value = u16(b, e + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(InputStream in) throws IOException {
        int v = in.read();
        if (v < 0) {
            throw new EOFException();
        }
        return v;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int b0 = b[at] & 0xFF;
        int b1 = b[at + 1] & 0xFF;
        return little ? b0 | (b1 << 8) : (b0 << 8) | b1;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, little ? at + 2 : at, little);
        long lo = u16(b, little ? at : at + 2, little);
        return (hi << 16) | lo;
    }
}
