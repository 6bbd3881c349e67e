package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.Values;
import dev.yolocam.torch.ModuleNode;
import java.util.ArrayList;
import java.util.List;

/** {@code SPP}: {@code cv2(cat(x, pool_5(x), pool_9(x), pool_13(x)))} with {@code x = cv1(input)}. */
public final class SPPBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value x = ctx.build(ctx.child(node, "cv1"), inputs.get(0));
        List<Value> parts = new ArrayList<>();
        parts.add(x);
        for (ModuleNode pool : ctx.child(node, "m").childList()) {
            parts.add(ctx.build(pool, x));
        }
        return ctx.emit(node, ctx.build(ctx.child(node, "cv2"), Values.concatChannels(ctx, parts)));
    }
}
