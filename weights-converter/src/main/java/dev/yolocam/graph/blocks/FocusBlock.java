package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.Values;
import dev.yolocam.torch.ModuleNode;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/** {@code Focus} (YOLOv5 <= v5.0): space-to-depth by 2 in YOLOv5's slice order, then a Conv. */
public final class FocusBlock implements BlockBuilder {
    private static final long[][] OFFSETS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}}; // (row, col), as x[..., r::2, c::2]

    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value x = inputs.get(0);
        if (x.height() % 2 != 0 || x.width() % 2 != 0) {
            throw ctx.unsupported(node, "needs an even input size");
        }
        Value[] parts = new Value[4];
        for (int i = 0; i < 4; i++) {
            SDVariable slice = ctx.sd().stridedSlice(x.var(),
                    new long[] {0, OFFSETS[i][0], OFFSETS[i][1], 0},
                    new long[] {ctx.spec().batch(), x.height(), x.width(), x.channels()},
                    new long[] {1, 2, 2, 1});
            parts[i] = Value.map(slice, x.channels(), x.height() / 2, x.width() / 2);
        }
        return ctx.emit(node, ctx.build(ctx.child(node, "conv"), Values.concatChannels(ctx, parts)));
    }
}
