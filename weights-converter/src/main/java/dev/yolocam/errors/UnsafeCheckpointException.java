package dev.yolocam.errors;

import java.nio.file.Path;

/**
 * The checkpoint asks for something a YOLOv5 checkpoint never needs: a Python global outside the allow-list
 * (e.g. {@code posix.system}), an escaping zip entry name, or more memory/depth than the limits allow.
 */
public class UnsafeCheckpointException extends CheckpointException {
    public UnsafeCheckpointException(Path file, String problem) {
        super(file, problem);
    }
}
