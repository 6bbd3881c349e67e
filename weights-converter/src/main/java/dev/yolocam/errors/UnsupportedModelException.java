package dev.yolocam.errors;

import java.nio.file.Path;

/** The checkpoint was read, but holds a model yolocam cannot rebuild (unknown module class, missing YAML, ...). */
public class UnsupportedModelException extends YolocamException {
    public UnsupportedModelException(Path file, String problem) {
        super(file, problem);
    }

    public UnsupportedModelException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
