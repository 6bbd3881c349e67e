package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.Values;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** {@code BottleneckCSP}: {@code cv4(act(bn(cat(cv3(m(cv1(x))), cv2(x)))))}; cv2/cv3 are plain Conv2d. */
public final class BottleneckCSPBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value x = inputs.get(0);
        Value y1 = ctx.build(ctx.child(node, "cv3"),
                ctx.build(ctx.child(node, "m"), ctx.build(ctx.child(node, "cv1"), x)));
        Value y2 = ctx.build(ctx.child(node, "cv2"), x);
        Value joined = ctx.build(ctx.child(node, "bn"), Values.concatChannels(ctx, y1, y2));
        Value activated = ctx.build(ctx.child(node, "act"), joined);
        return ctx.emit(node, ctx.build(ctx.child(node, "cv4"), activated));
    }
}
