package dev.yolocam.torch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code .pt} file holds, as inert data. Either a whole pickled model ({@link #model()}, from
 * {@code ckpt['ema'] or ckpt['model']} like YOLOv5 does) or only a {@link #stateDict()} that needs a model YAML.
 *
 * @param file       the file it was read from (for error messages)
 * @param model      the root DetectionModel module, when the checkpoint pickles a whole model
 * @param stateDict  name -> tensor, when the checkpoint is only a state_dict (empty otherwise)
 * @param metadata   the other top-level checkpoint entries that are plain data (epoch, date, opt, ...)
 */
public record Checkpoint(Path file, Optional<ModuleNode> model, Map<String, TensorData> stateDict,
                         Map<String, Object> metadata, List<String> pickleGlobals) {

    public boolean isStateDictOnly() {
        return model.isEmpty();
    }
}
