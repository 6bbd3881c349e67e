package dev.yolocam.errors;

import java.nio.file.Path;

/** A checkpoint that holds only a state_dict: the model must be built from the YAML it was trained with. */
public final class StateDictOnlyException extends UnsupportedModelException {
    public StateDictOnlyException(Path file) {
        super(file, "holds only a state_dict, not a model; it needs the model YAML it was trained with, e.g. "
                + "models/yolov5s.yaml");
    }
}
