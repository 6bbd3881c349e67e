package dev.yolocam.cli;

import dev.yolocam.cam.LayerChoiceException;
import dev.yolocam.errors.YolocamException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code yolocam}: YOLOv5/YOLOv8/YOLO11 detection and class-activation maps, from the .pt file, in pure Java. */
@Command(name = "yolocam", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Open a YOLOv5, YOLOv8 or YOLO11 checkpoint, detect objects, and see where the detector looks.",
        subcommands = {ExplainCommand.class, SweepCommand.class, DetectCommand.class, AuditCommand.class, LayersCommand.class,
            ConvertCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a runtime failure (bad file, unsupported model, an image that failed)",
            "  2  a usage error (unknown option, bad value)"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        Interruption.installHook(err);
        int code = run(new PrintWriter(System.out, true), err, args);
        Interruption.finished();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code. Everything the user sees goes to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            report(ex, err, verbose);
            return ex instanceof YolocamException ye ? ye.exitCode() : FAILURE;
        });
        cli.setParameterExceptionHandler((ex, args2) -> {
            err.println("yolocam: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            String name = ex.getCommandLine().getCommandName();
            err.println("Try 'yolocam " + ("yolocam".equals(name) ? "" : name + " ") + "--help' for more information.");
            return USAGE;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) { // picocli hands only Exceptions to the handler above; an Error would end in a stack trace
            report(e, err, verbose);
            code = FAILURE;
        }
        err.flush();
        out.flush();
        return code;
    }

    static void report(Throwable ex, PrintWriter err, boolean verbose) {
        if (ex instanceof LayerChoiceException refused) {
            err.println(LayerOptions.worded(refused));
        } else if (ex instanceof YolocamException) {
            err.println(ex.getMessage());
        } else if (ex instanceof OutOfMemoryError) {
            err.println("yolocam: out of memory (" + ex.getMessage() + "); try a smaller --imgsz or more -Xmx");
        } else {
            err.println("yolocam: internal error: " + ex);
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
