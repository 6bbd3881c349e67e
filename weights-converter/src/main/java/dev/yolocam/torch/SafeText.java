package dev.yolocam.torch;

/** Puts text that came from a file into a one-line error message: quoted, control characters escaped, shortened. */
public final class SafeText {
    private static final int MAX_CHARS = 120;

    private SafeText() {
    }

    public static String quote(String text) {
        return "'" + escape(text) + "'";
    }

    public static String oneLine(String text) {
        return text == null ? "" : escape(text);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_CHARS) {
                out.append("...");
                break;
            }
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\x%02x", (int) c & 0xffff));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
