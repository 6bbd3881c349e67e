package dev.yolocam.errors;

import java.nio.file.Path;

/** The checkpoint file is not a readable PyTorch zip/pickle: truncated, corrupt, or not a checkpoint at all. */
public class CheckpointException extends YolocamException {
    public CheckpointException(Path file, String problem) {
        super(file, problem);
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
