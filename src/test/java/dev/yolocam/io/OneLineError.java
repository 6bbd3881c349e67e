package dev.yolocam.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;

/** The form every refusal takes: one line, {@code yolocam: ...}, holding the given parts. */
final class OneLineError {
    private OneLineError() {
    }

    static void assertOneLine(YolocamException e, String... parts) {
        String message = e.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith("yolocam: "), message);
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' in: " + message);
        }
    }
}
