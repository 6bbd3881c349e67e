package dev.yolocam.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What an image command reads: SOURCE arguments, or the same given with YOLOv5's {@code --source} spelling. */
public final class SourceOptions {
    @Option(names = "--source", paramLabel = "SOURCE",
            description = "A SOURCE given as an option, as YOLOv5's scripts spell it; repeatable, and read before "
                    + "the SOURCE arguments.")
    List<String> sourceOption;

    @Parameters(paramLabel = "SOURCE", arity = "0..*",
            description = "Image or video files (.mp4 .avi .mov .mkv .webm ..., read frame by frame), http(s):// URLs "
                    + "(downloaded first, up to 100 MiB each, 30 s timeouts), folders, globs ('data/*.jpg', "
                    + "'data/**/*.png'), or .txt lists of paths. Default: the embedded sample images.")
    List<String> sources;

    /** The --source values and SOURCE arguments together; null (the embedded samples) when there are none. */
    List<String> arguments() {
        if (sourceOption == null && sources == null) {
            return null;
        }
        List<String> all = new ArrayList<>();
        if (sourceOption != null) {
            all.addAll(sourceOption);
        }
        if (sources != null) {
            all.addAll(sources);
        }
        return all;
    }
}
