package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.Values;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** {@code nn.MaxPool2d} with PyTorch's padding semantics (padding never wins the max). */
public final class MaxPool2dBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        return ctx.emit(node, Values.maxPool(node, inputs.get(0), ctx));
    }
}
