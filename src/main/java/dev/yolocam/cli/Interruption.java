package dev.yolocam.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Ctrl-C: the JVM runs its shutdown hooks and exits with 130 (128 + SIGINT). The hook installed here says so in one
 * line, with how far a run over images got, unless the command had already finished. The state is static because
 * a signal reaches the process, not a command object.
 */
final class Interruption {
    private static final AtomicReference<Supplier<String>> PROGRESS = new AtomicReference<>();
    private static volatile boolean finished;

    private Interruption() {
    }

    static void installHook(PrintWriter err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                // on a terminal the cursor sits after the echoed ^C (or the progress bar)
                err.println((System.console() != null ? "\n" : "") + message());
                err.flush();
            }
        }, "yolocam-interrupted"));
    }

    /** The command ended on its own: the exit that follows is not an interruption. */
    static void finished() {
        finished = true;
    }

    /** While a run goes on, {@code progress} says how far it got ("3 of 50 images"). */
    static void track(Supplier<String> progress) {
        PROGRESS.set(progress);
    }

    static void untrack(Supplier<String> progress) {
        PROGRESS.compareAndSet(progress, null);
    }

    static String message() {
        Supplier<String> progress = PROGRESS.get();
        return "yolocam: interrupted" + (progress == null ? "" : " after " + progress.get());
    }
}
