package dev.yolocam.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** --verbose and --quiet, shared by every command. */
public final class RunOptions {
    @Option(names = {"-v", "--verbose"}, description = "On failure, print the cause chain and stack trace.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"},
            description = "Only errors: no progress bar, no warnings, hints or summary line.")
    boolean quiet;

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }

    /** One line, {@code yolocam: warning: <message>}, unless --quiet. */
    void warn(PrintWriter err, String message) {
        if (!quiet) {
            err.println("yolocam: warning: " + message);
            err.flush();
        }
    }
}
