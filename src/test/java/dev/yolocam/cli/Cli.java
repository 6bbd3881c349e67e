package dev.yolocam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and captures what a user would see. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        /** stderr holds exactly one line that starts with "yolocam:" and no stack trace. */
        boolean oneLineError() {
            String trimmed = err.strip();
            return trimmed.startsWith("yolocam:") && !trimmed.contains("\n") && !trimmed.contains("\tat ");
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
