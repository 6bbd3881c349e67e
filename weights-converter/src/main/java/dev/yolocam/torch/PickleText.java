package dev.yolocam.torch;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text arguments of protocol 0/1 opcodes (INT, LONG, FLOAT, STRING, UNICODE), decoded as CPython does.
 * Every method throws {@link IllegalArgumentException} with a one-line reason on malformed input.
 */
final class PickleText {
    /** CPython's default limit on int() of a decimal string; longer ones are quadratic to parse. */
    private static final int MAX_INT_DIGITS = 4300;
    private static final Pattern DECIMAL_INT = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL_FLOAT =
            Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private PickleText() {
    }

    static String ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                throw new IllegalArgumentException("text argument is not ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** INT and LONG arguments: a decimal integer, LONG's with an optional trailing 'L'. */
    static Object integer(byte[] line, boolean longSuffixAllowed) {
        String text = ascii(line).strip();
        if (longSuffixAllowed && text.endsWith("L")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.length() > MAX_INT_DIGITS + 1) {
            throw new IllegalArgumentException("integer literal longer than " + MAX_INT_DIGITS + " digits");
        }
        if (!DECIMAL_INT.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid integer literal " + SafeText.quote(text));
        }
        return PyTypes.integer(new BigInteger(text));
    }

    static double floating(byte[] line) {
        String text = ascii(line).strip();
        String lower = text.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1 : 1;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (text.length() > MAX_INT_DIGITS || !DECIMAL_FLOAT.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid float literal " + SafeText.quote(text));
        }
        return Double.parseDouble(text);
    }

    /** STRING's argument: a quoted Python 2 str literal, decoded like {@code codecs.escape_decode}. */
    static byte[] quotedString(byte[] line) {
        int n = line.length;
        if (n < 2 || line[0] != line[n - 1] || (line[0] != '\'' && line[0] != '"')) {
            throw new IllegalArgumentException("the STRING opcode argument must be quoted");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        int i = 1;
        int end = n - 1;
        while (i < end) {
            byte c = line[i++];
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (i >= end) {
                throw new IllegalArgumentException("STRING ends with a lone backslash");
            }
            byte e = line[i++];
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.write(e);
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case 'x' -> {
                    if (i + 2 > end || hex(line[i]) < 0 || hex(line[i + 1]) < 0) {
                        throw new IllegalArgumentException("invalid \\x escape in STRING");
                    }
                    out.write(hex(line[i]) << 4 | hex(line[i + 1]));
                    i += 2;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int k = 0; k < 2 && i < end && line[i] >= '0' && line[i] <= '7'; k++) {
                            value = value * 8 + (line[i++] - '0');
                        }
                        out.write(value & 0xff);
                    } else {
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** UNICODE's argument, in CPython's raw-unicode-escape: latin-1 bytes with \\uXXXX and \\UXXXXXXXX escapes. */
    static String rawUnicodeEscape(byte[] line) {
        StringBuilder out = new StringBuilder(line.length);
        int i = 0;
        while (i < line.length) {
            if (line[i] != '\\') {
                out.append((char) (line[i++] & 0xff));
                continue;
            }
            int backslashes = 0;
            while (i < line.length && line[i] == '\\') {
                out.append('\\');
                backslashes++;
                i++;
            }
            // Only an odd run of backslashes followed by u/U starts an escape.
            if (backslashes % 2 == 0 || i >= line.length || (line[i] != 'u' && line[i] != 'U')) {
                continue;
            }
            out.setLength(out.length() - 1);
            int digits = line[i] == 'u' ? 4 : 8;
            i++;
            if (i + digits > line.length) {
                throw new IllegalArgumentException("truncated \\u escape in UNICODE");
            }
            int codePoint = 0;
            for (int k = 0; k < digits; k++) {
                int h = hex(line[i + k]);
                if (h < 0) {
                    throw new IllegalArgumentException("invalid \\u escape in UNICODE");
                }
                codePoint = codePoint << 4 | h;
            }
            if (codePoint < 0 || codePoint > 0x10ffff) {
                throw new IllegalArgumentException("\\U escape out of the Unicode range in UNICODE");
            }
            out.appendCodePoint(codePoint);
            i += digits;
        }
        return out.toString();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        } else if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        } else if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
