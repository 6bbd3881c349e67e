package dev.yolocam.model;

import dev.yolocam.errors.StateDictOnlyException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.graph.ModelDescription;
import dev.yolocam.torch.Checkpoint;
import dev.yolocam.torch.CheckpointReader;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.yaml.YamlModelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens whatever a user passes as {@code --weights}: a YOLOv5 {@code .pt} (whole pickled model, or a state_dict
 * together with {@code --cfg model.yaml}) or a converted {@code .yolocam} model.
 */
public final class ModelLoader {
    private ModelLoader() {
    }

    public static YoloModel load(Path weights, Optional<Path> cfg) {
        requireReadable(weights);
        cfg.ifPresent(ModelLoader::requireReadable);
        if (ConvertedModel.isConvertedModel(weights)) {
            return ConvertedModel.read(weights);
        }
        Checkpoint checkpoint = CheckpointReader.read(weights);
        ModuleNode root;
        if (checkpoint.model().isPresent()) {
            root = checkpoint.model().get();
        } else if (cfg.isPresent()) {
            root = ModelFailures.guard(weights, "build the model from its YAML",
                    () -> YamlModelBuilder.build(cfg.get(), checkpoint.stateDict()));
        } else {
            throw new StateDictOnlyException(weights);
        }
        return new YoloModel(ModelFailures.guard(weights, "describe the model",
                () -> ModelDescription.of(root, weights)));
    }

    private static void requireReadable(Path file) {
        if (!Files.exists(file)) {
            throw new YolocamException(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new YolocamException(file, "is a directory, not a model file");
        }
        if (!Files.isReadable(file)) {
            throw new YolocamException(file, "is not readable");
        }
    }
}
