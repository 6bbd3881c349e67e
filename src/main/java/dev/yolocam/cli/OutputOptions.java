package dev.yolocam.cli;

import dev.yolocam.io.OutputDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --out and --exist-ok: YOLOv5-style numbered run directories. */
public final class OutputOptions {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output directory. Default: runs/<command>/exp, then exp2, exp3, ...")
    Path out;

    @Option(names = "--exist-ok", description = "Write into --out even if it exists, instead of a numbered new one.")
    boolean existOk;

    /** Claims the run folder and checks it can be written, before any work starts. */
    public OutputDirectory claim(String command) {
        return OutputDirectory.claim(out != null ? out : Path.of("runs", command, "exp"), existOk);
    }
}
