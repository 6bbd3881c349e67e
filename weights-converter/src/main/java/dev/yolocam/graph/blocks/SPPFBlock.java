package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.Values;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/**
 * {@code SPPF}: one MaxPool applied three times in a row, {@code cv2(cat(x, m(x), m(m(x)), m(m(m(x)))))}.
 * The pool's three calls are named {@code <path>.m}, {@code <path>.m#2}, {@code <path>.m#3}.
 */
public final class SPPFBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        ModuleNode pool = ctx.child(node, "m");
        Value x = ctx.build(ctx.child(node, "cv1"), inputs.get(0));
        Value y1 = ctx.build(pool, x);
        Value y2 = ctx.build(pool, y1);
        Value y3 = ctx.build(pool, y2);
        return ctx.emit(node, ctx.build(ctx.child(node, "cv2"), Values.concatChannels(ctx, x, y1, y2, y3)));
    }
}
