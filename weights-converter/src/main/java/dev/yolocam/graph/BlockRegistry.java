package dev.yolocam.graph;

import dev.yolocam.graph.blocks.ActivationBlock;
import dev.yolocam.graph.blocks.BatchNorm2dBlock;
import dev.yolocam.graph.blocks.BottleneckBlock;
import dev.yolocam.graph.blocks.BottleneckCSPBlock;
import dev.yolocam.graph.blocks.C3Block;
import dev.yolocam.graph.blocks.ConcatBlock;
import dev.yolocam.graph.blocks.Conv2dBlock;
import dev.yolocam.graph.blocks.ConvBlock;
import dev.yolocam.graph.blocks.DetectBlock;
import dev.yolocam.graph.blocks.FocusBlock;
import dev.yolocam.graph.blocks.MaxPool2dBlock;
import dev.yolocam.graph.blocks.SPPBlock;
import dev.yolocam.graph.blocks.SPPFBlock;
import dev.yolocam.graph.blocks.SequentialBlock;
import dev.yolocam.graph.blocks.UpsampleBlock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Python module class name (without its package: {@code C3}, {@code Conv2d}) -> the builder for it. Supporting a
 * new block type is one {@link BlockBuilder} class plus one line in {@link #standard()}.
 */
public final class BlockRegistry {
    private final Map<String, BlockBuilder> builders = new LinkedHashMap<>();

    /** The registry for YOLOv5's model zoo. */
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
        r.register("Sequential", new SequentialBlock());
        r.register("Conv2d", new Conv2dBlock());
        r.register("BatchNorm2d", new BatchNorm2dBlock());
        r.register("MaxPool2d", new MaxPool2dBlock());
        r.register("SiLU", new ActivationBlock((node, x) -> x.getSameDiff().nn().swish(x)));
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

    public void register(String pythonClassName, BlockBuilder builder) {
        builders.put(pythonClassName, builder);
    }

    public Optional<BlockBuilder> find(String pythonClassName) {
        return Optional.ofNullable(builders.get(pythonClassName));
    }

    public Set<String> supportedClasses() {
        return builders.keySet();
    }
}
