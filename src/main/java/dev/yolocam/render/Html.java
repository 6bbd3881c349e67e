package dev.yolocam.render;

import java.nio.charset.StandardCharsets;

/** Makes arbitrary text safe inside HTML text and attribute values, and relative file names safe as URLs. */
public final class Html {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Html() {
    }

    /**
     * {@code text} with {@code & < > " '} as character references, so it reads as the same text in element content
     * and in quoted attributes. Control characters other than tab and newline, which HTML forbids, become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(forbidden(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /**
     * A relative file path as a URL path, escaped for an attribute: every byte of its UTF-8 form other than
     * letters, digits, {@code - . _ ~} and {@code /} is percent-encoded, so spaces, {@code #}, {@code ?} and
     * {@code :} cannot change what the link points to.
     */
    public static String url(String relativePath) {
        StringBuilder out = new StringBuilder(relativePath.length() + 16);
        for (byte b : relativePath.getBytes(StandardCharsets.UTF_8)) {
            int v = b & 0xFF;
            if (v < 0x80 && (Character.isLetterOrDigit(v) || "-._~/".indexOf(v) >= 0)) {
                out.append((char) v);
            } else {
                out.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == '\uFFFE' || c == '\uFFFF';
    }
}
