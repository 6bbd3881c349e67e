package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.Values;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** Ultralytics {@code C2PSA}: {@code a, b = cv1(x).split((c, c))}, {@code cv2(cat(a, m(b)))} ({@code m} PSABlocks). */
public final class C2PSABlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value y = ctx.build(ctx.child(node, "cv1"), inputs.get(0));
        if (y.channels() % 2 != 0) {
            throw ctx.unsupported(node, "cv1 gives " + y.channels() + " channels, which do not split in two halves");
        }
        long half = y.channels() / 2;
        Value a = Values.channels(ctx, y, 0, half);
        Value b = ctx.build(ctx.child(node, "m"), Values.channels(ctx, y, half, y.channels()));
        return ctx.emit(node, ctx.build(ctx.child(node, "cv2"), Values.concatChannels(ctx, a, b)));
    }
}
