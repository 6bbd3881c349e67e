package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.Values;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** {@code C3}: {@code cv3(cat(m(cv1(x)), cv2(x)))}. */
public final class C3Block implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value x = inputs.get(0);
        Value a = ctx.build(ctx.child(node, "m"), ctx.build(ctx.child(node, "cv1"), x));
        Value b = ctx.build(ctx.child(node, "cv2"), x);
        return ctx.emit(node, ctx.build(ctx.child(node, "cv3"), Values.concatChannels(ctx, a, b)));
    }
}
