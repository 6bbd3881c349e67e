package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Convolution;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/**
 * YOLOv5 {@code Conv} / {@code DWConv}: Conv2d -> BatchNorm2d -> activation, with the BN folded into the conv as
 * {@code fuse()} does; so {@code <path>.conv} is the fused conv's output, as in the fused PyTorch model.
 */
public final class ConvBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        ModuleNode conv = ctx.child(node, "conv");
        Value y = Convolution.emit(conv, node.child("bn"), inputs.get(0), ctx);
        y = ctx.build(ctx.child(node, "act"), y);
        return ctx.emit(node, y);
    }
}
