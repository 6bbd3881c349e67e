package dev.yolocam.torch.yaml;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rebuilds the module tree of a detection model from its model YAML and a state_dict, for checkpoints that hold
 * only {@code model.state_dict()}, and for random models. Two families ({@link YamlFamily}: a YAML with
 * {@code anchors:} is YOLOv5's):
 * <ul>
 *   <li>YOLOv5 v7.0 {@code DetectionModel} ({@code models/yolov5s.yaml}), a port of its {@code parse_model};</li>
 *   <li>Ultralytics 8.3.166 {@code DetectionModel} (YOLOv8 {@code yolov8.yaml}, YOLO11 {@code yolo11.yaml} with
 *       {@code scales:}), a port of its {@code parse_model}.</li>
 * </ul>
 * The result has the same module paths, Python classes, attributes and tensors as the pickled model
 * {@code DetectionModel(cfg)} + {@code load_state_dict} would give, so the graph builder cannot tell the two apart:
 * every parameter and buffer comes from the state_dict by key, shapes checked, like
 * {@code load_state_dict(strict=True)}; the Detect stride, which a state_dict does not hold, comes from the same
 * 256x256 dry run upstream does (feature map sizes only).
 */
public final class YamlModelBuilder {
    private YamlModelBuilder() {
    }

    /**
     * @param yamlFile  the model YAML the state_dict was trained with ({@code --cfg models/yolov5s.yaml}); an
     *                  Ultralytics YAML's scale comes from its file name, as upstream's {@code yaml_model_load}
     *                  takes it ({@code yolo11s.yaml} -> s)
     * @param stateDict parameter/buffer name ({@code model.0.conv.weight}) to tensor
     * @throws UnsupportedModelException naming the YAML file when it is not a model YAML yolocam can build, or when
     *                                   the state_dict does not fit it
     */
    public static ModuleNode build(Path yamlFile, Map<String, TensorData> stateDict) {
        Map<?, ?> content = ModelYamlFile.read(yamlFile);
        DescribedModel model = switch (YamlFamily.of(content)) {
            case YOLOV5 -> Yolov5Model.describe(ModelYaml.of(content, yamlFile));
            case ULTRALYTICS -> UltralyticsModel.describe(UltralyticsYaml.of(
                    UltralyticsYaml.asLoadedFrom(content, yamlFile.toString()), yamlFile));
        };
        return bind(model, stateDict);
    }

    /**
     * As {@link #build(Path, Map)}, from an already parsed YAML dict (e.g. a checkpoint's own {@code yaml}, which
     * for Ultralytics models carries its {@code scale}).
     */
    public static ModuleNode build(Map<String, ?> yaml, Map<String, TensorData> stateDict) {
        return build(yaml, stateDict, null);
    }

    /**
     * As {@link #build(Map, Map)}; {@code source} (nullable) is the file named in error messages and, for YOLOv5,
     * kept as the root's {@code yaml_file}.
     */
    public static ModuleNode build(Map<String, ?> yaml, Map<String, TensorData> stateDict, Path source) {
        return bind(describe(yaml, source), stateDict);
    }

    /**
     * What {@code yaml_model_load} makes of an Ultralytics model YAML's content read from {@code fileName}
     * ({@code yolov8n.yaml}): the content plus {@code scale} guessed from the name and {@code yaml_file}.
     */
    public static Map<String, Object> ultralyticsYamlLoadedFrom(Map<?, ?> content, String fileName) {
        return UltralyticsYaml.asLoadedFrom(content, fileName);
    }

    /**
     * What {@code model.state_dict()} of the model {@code yaml} describes holds: every parameter and buffer key
     * ({@code model.0.conv.weight}) with its shape, in state_dict order. {@link #build(Map, Map)} needs exactly these.
     *
     * @throws UnsupportedModelException when the YAML is not a model yolocam can build
     */
    public static Map<String, long[]> expectedTensors(Map<String, ?> yaml) {
        Map<String, long[]> out = new LinkedHashMap<>();
        collectTensors("", describe(yaml, null).root(), out);
        return out;
    }

    /**
     * The Detect strides ({@code [8, 16, 32]}) of the model {@code yaml} describes, from the same 256x256 dry run
     * {@link #build(Map, Map)} does: what a state_dict's Detect anchors (grid units) were divided by.
     */
    public static double[] detectStrides(Map<String, ?> yaml) {
        return ((TensorData) describe(yaml, null).root().attributes().get("stride")).toDoubles();
    }

    private static DescribedModel describe(Map<String, ?> yaml, Path source) {
        return switch (YamlFamily.of(yaml)) {
            case YOLOV5 -> Yolov5Model.describe(ModelYaml.of(yaml, source));
            case ULTRALYTICS -> UltralyticsModel.describe(UltralyticsYaml.of(yaml, source));
        };
    }

    private static ModuleNode bind(DescribedModel model, Map<String, TensorData> stateDict) {
        try {
            return new StateDictBinder(stateDict).bind(model.root());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedModelException(model.file(), "state_dict does not match " + model.displayName()
                    + ": " + e.getMessage());
        }
    }

    /** {@code Module.state_dict()} order: own parameters, own buffers, then each child's, depth first. */
    private static void collectTensors(String path, ModuleSpec module, Map<String, long[]> out) {
        String prefix = path.isEmpty() ? "" : path + ".";
        module.parameters().forEach((name, shape) -> out.put(prefix + name, shape.clone()));
        module.buffers().forEach((name, shape) -> out.put(prefix + name, shape.clone()));
        module.children().forEach((name, child) -> collectTensors(prefix + name, child, out));
    }
}
