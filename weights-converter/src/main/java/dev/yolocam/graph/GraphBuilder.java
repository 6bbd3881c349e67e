package dev.yolocam.graph;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.ModuleNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ModuleTree -> SameDiff. Walks the top-level block list like {@code DetectionModel._forward_once} (each block's
 * {@code f} says which earlier outputs it takes) and lets the registry's builders emit the ops.
 */
public final class GraphBuilder {
    /** Name of the input placeholder, (B, 3, H, W) RGB in [0, 1]. */
    public static final String INPUT = "images";
    /** Name of the placeholder holding d(target)/d(output) for a gradient pass. */
    public static final String OUTPUT_GRADIENT = "output_gradient";
    /** Name of the scalar {@code sum(output * output_gradient)} that gradient passes differentiate. */
    public static final String LOSS = "target_loss";
    /**
     * The gradient tap at the input image: when a spec's taps contain this name, the blocks read
     * {@code images + 0} from a variable of this name (the 0 a zero VARIABLE, like every tap), so its output is the
     * input and its gradient d(target)/d(input). It is not a module output, so it is not in the layer table.
     */
    public static final String INPUT_TAP = INPUT + "/tapped";

    private final BlockRegistry registry;

    public GraphBuilder(BlockRegistry registry) {
        this.registry = registry;
    }

    public static YoloGraph build(ModelDescription model, GraphSpec spec) {
        return new GraphBuilder(BlockRegistry.standard()).buildGraph(model, spec);
    }

    public YoloGraph buildGraph(ModelDescription model, GraphSpec spec) {
        int stride = model.stride();
        if (spec.height() % stride != 0 || spec.width() % stride != 0) {
            throw new UnsupportedModelException(model.source(), "input size " + spec.height() + "x" + spec.width()
                    + " is not a multiple of the model stride " + stride);
        }
        SameDiff sd = SameDiff.create();
        BuildContext ctx = new BuildContext(sd, spec, model.source(), registry);
        SDVariable images = sd.placeHolder(INPUT, DataType.FLOAT, spec.batch(), 3, spec.height(), spec.width());
        List<Value> outputs = new ArrayList<>();
        // The network runs in NHWC (oneDNN's convolutions are ~1.8x faster than in NCHW, measured on M2.1);
        // the input and every array YoloGraph hands out stay in PyTorch's NCHW.
        Value x = Value.map(sd.permute(inputOf(images, spec, sd), 0, 2, 3, 1), 3, spec.height(), spec.width());
        for (ModuleNode block : model.blocks()) {
            x = ctx.build(block, inputsOf(block, x, outputs, model));
            outputs.add(x);
        }
        Set<String> missing = new TreeSet<>(spec.gradientTaps());
        missing.addAll(spec.editedOutputs());
        missing.removeAll(ctx.layers().keySet());
        missing.remove(INPUT_TAP);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no module output named " + missing);
        }
        if (!spec.gradientTaps().isEmpty()) {
            SDVariable seed = sd.placeHolder(OUTPUT_GRADIENT, DataType.FLOAT, x.var().getShape() != null
                    ? x.var().getShape() : new long[] {spec.batch(), x.shape()[0], x.shape()[1]});
            x.var().mul(seed).sum(LOSS);
            sd.setLossVariables(LOSS);
        }
        return new YoloGraph(sd, spec, model, new ArrayList<>(ctx.layers().values()), ctx.biases());
    }

    private static SDVariable inputOf(SDVariable images, GraphSpec spec, SameDiff sd) {
        if (!spec.gradientTaps().contains(INPUT_TAP)) {
            return images;
        }
        SDVariable zero = sd.var(INPUT + BuildContext.TAP_SUFFIX, Nd4j.scalar(DataType.FLOAT, 0f));
        return images.add(INPUT_TAP, zero);
    }

    private static List<Value> inputsOf(ModuleNode block, Value previous, List<Value> outputs,
                                        ModelDescription model) {
        Object from = block.attributes().get("f");
        if (from == null || (from instanceof Number n && n.intValue() == -1)) {
            return List.of(previous);
        }
        List<Object> sources = from instanceof List<?> list ? new ArrayList<>(list) : List.of(from);
        List<Value> inputs = new ArrayList<>();
        for (Object s : sources) {
            if (!(s instanceof Number n)) {
                throw new UnsupportedModelException(model.source(), block.path() + ": invalid 'f' entry " + s);
            }
            int index = n.intValue();
            if (index == -1) {
                inputs.add(previous);
            } else if (index >= 0 && index < outputs.size()) {
                inputs.add(outputs.get(index));
            } else if (index < -1 && outputs.size() + index >= 0) {
                inputs.add(outputs.get(outputs.size() + index));
            } else {
                throw new UnsupportedModelException(model.source(), block.path() + ": 'f' refers to layer " + index
                        + " which does not come before it");
            }
        }
        return inputs;
    }
}
