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

    /** True when the text has no control character or line separator, so that it can go into a message as is. */
    public static boolean isPrintable(String text) {
        return text.chars().noneMatch(SafeText::isControl);
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029';
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_CHARS) {
                out.append("...");
                break;
            }
            char c = text.charAt(i);
            if (isControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\x%02x", (int) c & 0xffff));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
