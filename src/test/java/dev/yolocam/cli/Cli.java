package dev.yolocam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the real command line in-process and captures what a user would see. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        /**
         * stderr holds exactly one error line, starting with "yolocam:", and no stack trace. A command line picocli
         * could not parse may add its suggestion line ("Did you mean: ...", "Possible solutions: ...") and the
         * "Try 'yolocam ... --help'" line.
         */
        boolean oneLineError() {
            List<String> lines = err.strip().lines().toList();
            return !lines.isEmpty() && lines.get(0).startsWith("yolocam:") && !err.contains("\tat ")
                    && lines.stream().skip(1).allMatch(l -> l.startsWith("Did you mean: ")
                            || l.startsWith("Possible solutions: ") || l.startsWith("Try 'yolocam "));
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
