package dev.yolocam.torch.yaml;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.DType;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the module tree of a YOLOv5 v7.0 {@code DetectionModel} from its model YAML and a state_dict, for
 * checkpoints that hold only {@code model.state_dict()}. The result has the same module paths, Python classes,
 * attributes and tensors as the pickled model {@code Model(cfg)} + {@code load_state_dict} would give, so the graph
 * builder cannot tell the two apart:
 * <ul>
 *   <li>the tree comes from a port of {@code parse_model} (depth/width multiples, {@code activation:}, argument
 *       evaluation, {@code i/f/type/np} on every layer);</li>
 *   <li>every parameter and buffer (BatchNorm statistics, the Detect {@code anchors} in grid units) comes from the
 *       state_dict by key, shapes checked, like {@code load_state_dict(strict=True)};</li>
 *   <li>the Detect stride, which a state_dict does not hold, comes from the same 256x256 dry run upstream does
 *       (feature map sizes only).</li>
 * </ul>
 * As in v7.0, every Conv whose {@code act} is True shares one activation object (same instance id); the root also
 * gets {@code nc} (as train.py attaches it) and the default names {@code ["0", "1", ...]}.
 */
public final class YamlModelBuilder {
    private YamlModelBuilder() {
    }

    /**
     * @param yamlFile  the model YAML the state_dict was trained with ({@code --cfg models/yolov5s.yaml})
     * @param stateDict parameter/buffer name ({@code model.0.conv.weight}) to tensor
     * @throws UnsupportedModelException naming the YAML file when it is not a model YAML yolocam can build, or when
     *                                   the state_dict does not fit it
     */
    public static ModuleNode build(Path yamlFile, Map<String, TensorData> stateDict) {
        return build(ModelYaml.read(yamlFile), stateDict);
    }

    /** As {@link #build(Path, Map)}, from an already parsed YAML (e.g. a checkpoint's own {@code yaml}). */
    public static ModuleNode build(Map<String, ?> yaml, Map<String, TensorData> stateDict) {
        return build(yaml, stateDict, null);
    }

    /**
     * As {@link #build(Map, Map)}; {@code source} (nullable) is the file named in error messages and kept as the
     * root's {@code yaml_file}.
     */
    public static ModuleNode build(Map<String, ?> yaml, Map<String, TensorData> stateDict, Path source) {
        return build(ModelYaml.of(yaml, source), stateDict);
    }

    /**
     * What {@code model.state_dict()} of the model {@code yaml} describes holds: every parameter and buffer key
     * ({@code model.0.conv.weight}) with its shape, in state_dict order. {@link #build(Map, Map)} needs exactly these.
     *
     * @throws UnsupportedModelException when the YAML is not a model yolocam can build
     */
    public static Map<String, long[]> expectedTensors(Map<String, ?> yaml) {
        Map<String, long[]> out = new LinkedHashMap<>();
        collectTensors("", describe(ModelYaml.of(yaml, null)), out);
        return out;
    }

    /**
     * The Detect strides ({@code [8, 16, 32]}) of the model {@code yaml} describes, from the same 256x256 dry run
     * {@link #build(Map, Map)} does: what a state_dict's Detect anchors (grid units) were divided by.
     */
    public static double[] detectStrides(Map<String, ?> yaml) {
        return ((TensorData) describe(ModelYaml.of(yaml, null)).attributes().get("stride")).toDoubles();
    }

    private static ModuleNode build(ModelYaml yaml, Map<String, TensorData> stateDict) {
        ModuleSpec root = describe(yaml);
        try {
            return new StateDictBinder(stateDict).bind(root);
        } catch (IllegalArgumentException e) {
            throw yaml.problem("state_dict does not match " + yaml.displayName() + ": " + e.getMessage());
        }
    }

    /** The whole module tree the YAML describes, with tensor shapes but no tensors yet. */
    private static ModuleSpec describe(ModelYaml yaml) {
        InstanceIds ids = new InstanceIds();
        ModuleSpec root = new ModuleSpec("models.yolo.DetectionModel", ids.next());
        ParsedModel parsed = new ModelParser(yaml, ids).parse();
        List<Block> layers = parsed.layers();
        ModuleSpec detect = layers.get(layers.size() - 1).module();
        if (!DetectHeads.DETECT.equals(detect.pythonClass())) {
            throw yaml.problem("the last layer is " + detect.pythonClass() + ", not Detect: not a detection model");
        }
        TensorData stride;
        try {
            stride = float32(StrideDryRun.strides(layers, yaml.layers()));
        } catch (IllegalArgumentException e) {
            throw yaml.problem(e.getMessage());
        }
        List<ModuleSpec> modules = new ArrayList<>();
        for (Block layer : layers) {
            modules.add(layer.module());
        }
        if (yaml.file() != null) {
            root.attribute("yaml_file", String.valueOf(yaml.file().getFileName()));
        }
        root.attribute("yaml", yaml.dict())
                .child("model", new TorchModules(ids).sequential(modules))
                .attribute("save", parsed.save())
                .attribute("names", defaultNames(yaml.nc()))
                .attribute("inplace", yaml.inplace())
                .attribute("stride", stride)
                .attribute("nc", yaml.nc());
        detect.attribute("inplace", yaml.inplace()).attribute("stride", stride);
        return root;
    }

    /** {@code Module.state_dict()} order: own parameters, own buffers, then each child's, depth first. */
    private static void collectTensors(String path, ModuleSpec module, Map<String, long[]> out) {
        String prefix = path.isEmpty() ? "" : path + ".";
        module.parameters().forEach((name, shape) -> out.put(prefix + name, shape.clone()));
        module.buffers().forEach((name, shape) -> out.put(prefix + name, shape.clone()));
        module.children().forEach((name, child) -> collectTensors(prefix + name, child, out));
    }

    /** {@code [str(i) for i in range(nc)]}. */
    private static List<String> defaultNames(long nc) {
        List<String> names = new ArrayList<>();
        for (long i = 0; i < nc; i++) {
            names.add(Long.toString(i));
        }
        return names;
    }

    /** A 1-d float32 tensor, like {@code torch.tensor([8., 16., 32.])}. */
    private static TensorData float32(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            bytes.putFloat((float) v);
        }
        return new TensorData(new TensorData.Storage("stride", DType.FLOAT32, bytes.array()), 0,
                new long[] {values.length}, new long[] {1});
    }
}
