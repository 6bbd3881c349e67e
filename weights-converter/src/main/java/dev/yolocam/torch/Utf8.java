package dev.yolocam.torch;

/**
 * Decodes UTF-8 the way Python's unpickler does for str values ({@code 'utf-8', 'surrogatepass'}): strict, except
 * that encoded lone surrogates (which Python can pickle) are accepted.
 */
final class Utf8 {
    private Utf8() {
    }

    /** @throws IllegalArgumentException when the bytes are not UTF-8 */
    static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b0 = bytes[i] & 0xff;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int length;
            int codePoint;
            int min;
            if (b0 >= 0xc2 && b0 <= 0xdf) {
                length = 2;
                codePoint = b0 & 0x1f;
                min = 0x80;
            } else if (b0 >= 0xe0 && b0 <= 0xef) {
                length = 3;
                codePoint = b0 & 0x0f;
                min = 0x800;
            } else if (b0 >= 0xf0 && b0 <= 0xf4) {
                length = 4;
                codePoint = b0 & 0x07;
                min = 0x10000;
            } else {
                throw invalid(i);
            }
            if (i + length > bytes.length) {
                throw invalid(i);
            }
            for (int k = 1; k < length; k++) {
                int b = bytes[i + k] & 0xff;
                if ((b & 0xc0) != 0x80) {
                    throw invalid(i);
                }
                codePoint = (codePoint << 6) | (b & 0x3f);
            }
            if (codePoint < min || codePoint > 0x10ffff) {
                throw invalid(i);
            }
            out.appendCodePoint(codePoint);
            i += length;
        }
        return out.toString();
    }

    private static IllegalArgumentException invalid(int offset) {
        return new IllegalArgumentException("invalid UTF-8 at byte " + offset + " of the string");
    }
}
