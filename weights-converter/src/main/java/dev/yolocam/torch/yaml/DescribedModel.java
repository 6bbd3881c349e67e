package dev.yolocam.torch.yaml;

import java.nio.file.Path;

/**
 * A whole model as its YAML describes it, before binding a state_dict.
 *
 * @param root         the DetectionModel with its module tree, tensor shapes but no tensors
 * @param file         the YAML file for messages (null when the YAML came as a map)
 * @param displayName  how messages name the YAML ("yolov5s.yaml", "yolo11n.yaml (scale n)")
 */
record DescribedModel(ModuleSpec root, Path file, String displayName) {
}
