package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** {@code nn.Sequential}: its children one after the other (the {@code m} of C3 and BottleneckCSP). */
public final class SequentialBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value x = inputs.get(0);
        for (ModuleNode child : node.childList()) {
            x = ctx.build(child, x);
        }
        return ctx.emit(node, x);
    }
}
