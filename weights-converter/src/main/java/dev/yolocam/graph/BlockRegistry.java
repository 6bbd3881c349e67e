package dev.yolocam.graph;

import dev.yolocam.graph.blocks.ActivationBlock;
import dev.yolocam.graph.blocks.BatchNorm2dBlock;
import dev.yolocam.graph.blocks.BottleneckBlock;
import dev.yolocam.graph.blocks.AttentionBlock;
import dev.yolocam.graph.blocks.BottleneckCSPBlock;
import dev.yolocam.graph.blocks.C2PSABlock;
import dev.yolocam.graph.blocks.C2fBlock;
import dev.yolocam.graph.blocks.C3Block;
import dev.yolocam.graph.blocks.ConcatBlock;
import dev.yolocam.graph.blocks.Conv2dBlock;
import dev.yolocam.graph.blocks.ConvBlock;
import dev.yolocam.graph.blocks.DetectBlock;
import dev.yolocam.graph.blocks.FocusBlock;
import dev.yolocam.graph.blocks.MaxPool2dBlock;
import dev.yolocam.graph.blocks.PositionSensitiveAttentionBlock;
import dev.yolocam.graph.blocks.SPPBlock;
import dev.yolocam.graph.blocks.SPPFBlock;
import dev.yolocam.graph.blocks.SequentialBlock;
import dev.yolocam.graph.blocks.UltralyticsDetectBlock;
import dev.yolocam.graph.blocks.UpsampleBlock;
import dev.yolocam.torch.ModuleNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Python module class name -> the builder for it. Most classes are registered by their simple name ({@code C3},
 * {@code Conv2d}), shared by every family whose class of that name has the same forward; a class whose forward
 * differs between families ({@code Detect}) is registered by its fully qualified name, which {@link #find} tries
 * first. Supporting a new block type is one {@link BlockBuilder} class plus one line in {@link #standard()}.
 */
public final class BlockRegistry {
    private final Map<String, BlockBuilder> builders = new LinkedHashMap<>();

    /** The registry for YOLOv5's model zoo and Ultralytics 8.x (YOLOv8, YOLO11). */
    public static BlockRegistry standard() {
        BlockRegistry r = new BlockRegistry();
        r.register("Conv", new ConvBlock());
        r.register("DWConv", new ConvBlock());
        r.register("Focus", new FocusBlock());
        r.register("Bottleneck", new BottleneckBlock());
        r.register("BottleneckCSP", new BottleneckCSPBlock());
        r.register("C3", new C3Block());
        r.register("SPP", new SPPBlock());
        r.register("SPPF", new SPPFBlock());
        r.register("Concat", new ConcatBlock());
        r.register("Upsample", new UpsampleBlock());
        r.register("Detect", new DetectBlock());
        r.register("ultralytics.nn.modules.head.Detect", new UltralyticsDetectBlock());
        r.register("C2f", new C2fBlock());
        r.register("C3k2", new C2fBlock());
        r.register("C3k", new C3Block());
        r.register("C2PSA", new C2PSABlock());
        r.register("PSABlock", new PositionSensitiveAttentionBlock());
        r.register("Attention", new AttentionBlock());
        r.register("Sequential", new SequentialBlock());
        r.register("Conv2d", new Conv2dBlock());
        r.register("BatchNorm2d", new BatchNorm2dBlock());
        r.register("MaxPool2d", new MaxPool2dBlock());
        // x * sigmoid(x), not SameDiff's swish: its backward overflows to NaN for inputs above ~44.
        r.register("SiLU", new ActivationBlock((node, x) -> x.mul(x.getSameDiff().nn().sigmoid(x))));
        r.register("ReLU", new ActivationBlock((node, x) -> x.getSameDiff().nn().relu(x, 0.0)));
        r.register("LeakyReLU", new ActivationBlock((node, x) ->
                x.getSameDiff().nn().leakyRelu(x, ((Number) node.attributes().getOrDefault("negative_slope", 0.01))
                        .doubleValue())));
        r.register("Hardswish", new ActivationBlock((node, x) ->
                x.mul(x.getSameDiff().nn().relu6(x.add(3.0), 0.0)).div(6.0)));
        r.register("Sigmoid", new ActivationBlock((node, x) -> x.getSameDiff().nn().sigmoid(x)));
        r.register("Identity", new ActivationBlock((node, x) -> x));
        return r;
    }

    /** Registers a builder under a simple class name ({@code C3}) or a fully qualified one. */
    public void register(String pythonClassName, BlockBuilder builder) {
        builders.put(pythonClassName, builder);
    }

    /** The builder for a module: the one registered under its fully qualified class, else under its simple name. */
    public Optional<BlockBuilder> find(ModuleNode node) {
        BlockBuilder qualified = builders.get(node.pythonClass());
        return Optional.ofNullable(qualified != null ? qualified : builders.get(node.simpleClass()));
    }

    public Set<String> supportedClasses() {
        return builders.keySet();
    }
}
