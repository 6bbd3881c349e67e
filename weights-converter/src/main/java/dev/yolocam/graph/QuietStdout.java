package dev.yolocam.graph;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs an action with System.out silenced: SameDiff prints one "Added differentiated op" line per op to stdout
 * while it builds a gradient function, and stdout belongs to the user.
 */
final class QuietStdout {
    private QuietStdout() {
    }

    static synchronized void run(Runnable action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
    }
}
