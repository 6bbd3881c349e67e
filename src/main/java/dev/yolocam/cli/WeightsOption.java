package dev.yolocam.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --weights: the model file, shared by every command that loads one. */
public final class WeightsOption {
    @Option(names = {"-w", "--weights"}, paramLabel = "FILE",
            description = "YOLOv5, YOLOv8 or YOLO11 checkpoint (.pt) or converted model (.yolocam). Default: the "
                    + "embedded shapes model (bench: give this or --random).")
    Path file;

    /** The file given, or null. */
    Path given() {
        return file;
    }

    /** The file given, or the embedded shapes model. */
    Path orDefault() {
        return file != null ? file : DefaultAssets.model();
    }
}
