package dev.yolocam.cli;

import picocli.CommandLine.Option;

/** --verbose and --quiet, shared by every command. */
public final class RunOptions {
    @Option(names = {"-v", "--verbose"}, description = "On failure, print the cause chain and stack trace.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary line.")
    boolean quiet;

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }
}
