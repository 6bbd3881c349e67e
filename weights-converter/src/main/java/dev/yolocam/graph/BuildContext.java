package dev.yolocam.graph;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.SafeText;
import dev.yolocam.torch.TensorData;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The state of one graph build: the SameDiff instance, the registry that maps module classes to builders, and
 * the naming rules that make every module output a variable named by its PyTorch path.
 */
public final class BuildContext {
    /** Suffix of the zero VARIABLE added at a gradient tap ({@code model.23/tap}). */
    public static final String TAP_SUFFIX = "/tap";
    private static final Pattern TOP_LEVEL = Pattern.compile("model\\.(\\d+)");

    private final SameDiff sd;
    private final GraphSpec spec;
    private final Path source;
    private final BlockRegistry registry;
    private final Map<String, LayerInfo> layers = new LinkedHashMap<>();
    private final Map<String, float[]> biases = new HashMap<>();
    private final Set<String> moduleNamedVariables = new HashSet<>();
    private final Map<String, Integer> callsPerPath = new HashMap<>();
    private int tempCounter;

    BuildContext(SameDiff sd, GraphSpec spec, Path source, BlockRegistry registry) {
        this.sd = sd;
        this.spec = spec;
        this.source = source;
        this.registry = registry;
    }

    public SameDiff sd() {
        return sd;
    }

    public GraphSpec spec() {
        return spec;
    }

    /** Builds a (child) module with one input. */
    public Value build(ModuleNode node, Value input) {
        return build(node, List.of(input));
    }

    /** Builds a module with its builder from the registry; an unknown class fails the load, naming path and class. */
    public Value build(ModuleNode node, List<Value> inputs) {
        BlockBuilder builder = registry.find(node)
                .orElseThrow(() -> unsupported(node, "unsupported module class " + node.pythonClass()));
        return builder.build(node, inputs, this);
    }

    /**
     * Declares {@code value} as the output of {@code node}: names it by the module path, records it in the layer
     * table, edits it when the spec says so, and inserts a gradient tap when the spec asks for one there. Returns
     * the value downstream ops must use.
     */
    public Value emit(ModuleNode node, Value value) {
        return emit(node, value, null);
    }

    /**
     * {@link #emit(ModuleNode, Value)} for a module whose last op adds {@code bias} to each channel (a convolution
     * with its folded BatchNorm, a BatchNorm2d), recorded for {@link YoloGraph#outputBias}; null when it adds none.
     */
    public Value emit(ModuleNode node, Value value, float[] bias) {
        String path = callPath(node.path());
        SDVariable var = value.var();
        SDVariable out;
        if (spec.editedOutputs().contains(path)) {
            var = edited(path, value);
        }
        if (bias != null) {
            biases.put(path, bias.clone());
        }
        if (spec.gradientTaps().contains(path)) {
            SDVariable zero = sd.var(path + TAP_SUFFIX, Nd4j.scalar(DataType.FLOAT, 0f));
            out = var.add(path, zero);
        } else if (!moduleNamedVariables.contains(var.name())) {
            sd.renameVariable(var.name(), path);
            out = sd.getVariable(path);
        } else {
            // The same tensor is also the output of an enclosing or enclosed module: a dead-end alias, which
            // SameDiff computes only when someone asks for it by this name.
            sd.identity(path, var);
            out = var;
        }
        moduleNamedVariables.add(path);
        layers.put(path, new LayerInfo(path, node.pythonClass(), withBatch(value.shape()), parameterCount(node),
                topLevelIndex(path)));
        return value.with(out);
    }

    /** {@code out * scale + shift} with the (B, C) placeholders of {@link GraphSpec#editScale}/{@code editShift}. */
    private SDVariable edited(String path, Value value) {
        if (value.shape().length != 3) {
            throw new IllegalArgumentException(path + " is not a feature map; only those can be edited");
        }
        long channels = value.channels();
        SDVariable scale = sd.placeHolder(GraphSpec.editScale(path), DataType.FLOAT, spec.batch(), channels);
        SDVariable shift = sd.placeHolder(GraphSpec.editShift(path), DataType.FLOAT, spec.batch(), channels);
        // The graph is NHWC inside: (B, C) broadcasts as (B, 1, 1, C).
        return value.var().mul(sd.reshape(scale, spec.batch(), 1, 1, channels))
                .add(sd.reshape(shift, spec.batch(), 1, 1, channels));
    }

    /** A fresh, unique name for an intermediate op inside {@code node} ({@code model.3/conv_w}). */
    public String tempName(ModuleNode node, String what) {
        return node.path() + "/" + what + "_" + (tempCounter++);
    }

    public SDVariable constant(ModuleNode node, String what, INDArray value) {
        return sd.constant(tempName(node, what), value);
    }

    /** A required tensor of the module, as float32 in C order. */
    public TensorData tensor(ModuleNode node, String name) {
        return node.tensor(name).orElseThrow(() -> unsupported(node, "missing tensor '" + name + "'"));
    }

    public ModuleNode child(ModuleNode node, String name) {
        return node.child(name).orElseThrow(() -> unsupported(node, "missing submodule '" + name + "'"));
    }

    public UnsupportedModelException unsupported(ModuleNode node, String problem) {
        // Attribute values quoted in the problem come from the file: keep the message on one line.
        String message = node.path() + " (" + node.simpleClass() + "): " + problem;
        return new UnsupportedModelException(source, SafeText.isPrintable(message) ? message
                : SafeText.oneLine(message));
    }

    Map<String, LayerInfo> layers() {
        return Collections.unmodifiableMap(layers);
    }

    Map<String, float[]> biases() {
        return Collections.unmodifiableMap(biases);
    }

    private String callPath(String path) {
        int calls = callsPerPath.merge(path, 1, Integer::sum);
        return calls == 1 ? path : path + "#" + calls;
    }

    private long[] withBatch(long[] shape) {
        long[] out = new long[shape.length + 1];
        out[0] = spec.batch();
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }

    private static int topLevelIndex(String path) {
        Matcher m = TOP_LEVEL.matcher(path);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static long parameterCount(ModuleNode node) {
        Set<TensorData> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long count = 0;
        for (ModuleNode n : node.preOrder()) {
            for (TensorData t : n.parameters().values()) {
                if (seen.add(t)) {
                    count += t.numel();
                }
            }
        }
        return count;
    }
}
