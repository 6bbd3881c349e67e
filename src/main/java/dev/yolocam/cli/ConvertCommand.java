package dev.yolocam.cli;

import dev.yolocam.io.AtomicFiles;
import dev.yolocam.io.OutputDirectory;
import dev.yolocam.model.ConvertedModel;
import dev.yolocam.model.YoloModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam convert}: a .pt checkpoint to a .yolocam model that loads without pickle. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Convert a YOLOv5, YOLOv8 or YOLO11 .pt checkpoint into a .yolocam model.",
            "Every command accepts the result as --weights; it loads without any pickle parsing."})
public final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions model;
    @Mixin
    RunOptions run;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The converted model to write, e.g. best.yolocam.")
    Path output;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        OutputFile.require("--output", output);
        OutputDirectory folder = OutputDirectory.ofFile(output);
        YoloModel yolo;
        try {
            yolo = model.load();
            AtomicFiles.write(output, stream -> ConvertedModel.write(yolo.description(), stream));
        } finally {
            folder.removeIfEmpty();
        }
        if (!run.quiet()) {
            spec.commandLine().getErr().printf(Locale.ROOT, "wrote %s (%d classes, %d layers) in %.1f s%n", output,
                    yolo.description().classes(), yolo.description().blocks().size(),
                    (System.nanoTime() - start) / 1e9);
        }
        return Main.OK;
    }
}
