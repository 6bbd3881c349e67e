package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.Values;
import dev.yolocam.torch.ModuleNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Ultralytics {@code C2f} and {@code C3k2} (same forward): {@code y = cv1(x).chunk(2)}, each block of the ModuleList
 * {@code m} (Bottleneck or C3k) appends {@code m_i(y[-1])}, then {@code cv2(cat(y))}.
 */
public final class C2fBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value y = ctx.build(ctx.child(node, "cv1"), inputs.get(0));
        if (y.channels() % 2 != 0) {
            throw ctx.unsupported(node, "cv1 gives " + y.channels() + " channels, which do not split in two halves");
        }
        long half = y.channels() / 2;
        List<Value> parts = new ArrayList<>();
        parts.add(Values.channels(ctx, y, 0, half));
        parts.add(Values.channels(ctx, y, half, y.channels()));
        for (ModuleNode block : ctx.child(node, "m").childList()) {
            parts.add(ctx.build(block, parts.get(parts.size() - 1)));
        }
        return ctx.emit(node, ctx.build(ctx.child(node, "cv2"), Values.concatChannels(ctx, parts)));
    }
}
