package dev.yolocam.cli;

import dev.yolocam.errors.UsageException;
import picocli.CommandLine.Option;

/** --vid-stride: which frames of a video source are processed, as YOLOv5's detect.py. */
public final class VideoOptions {
    @Option(names = "--vid-stride", paramLabel = "N", defaultValue = "1",
            description = "Process every N-th frame of a video (frames N-1, 2N-1, ... counted from 0, as detect.py "
                    + "does); the annotated video then has a frame count / N frames at the source frame rate. "
                    + "Default: ${DEFAULT-VALUE}.")
    int vidStride;

    int vidStride() {
        if (vidStride < 1) {
            throw new UsageException("--vid-stride must be at least 1, got " + vidStride);
        }
        return vidStride;
    }
}
