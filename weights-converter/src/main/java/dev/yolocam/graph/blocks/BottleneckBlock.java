package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** {@code Bottleneck}: {@code x + cv2(cv1(x))} when {@code add} (shortcut and c1 == c2), else {@code cv2(cv1(x))}. */
public final class BottleneckBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value x = inputs.get(0);
        Value y = ctx.build(ctx.child(node, "cv2"), ctx.build(ctx.child(node, "cv1"), x));
        if (Boolean.TRUE.equals(node.attributes().get("add"))) {
            y = y.with(x.var().add(y.var()));
        }
        return ctx.emit(node, y);
    }
}
