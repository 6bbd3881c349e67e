package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** {@code nn.Upsample(None, k, 'nearest')} with an integer scale factor. */
public final class UpsampleBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Object mode = node.attributes().get("mode");
        Object factor = node.attributes().get("scale_factor");
        if (!"nearest".equals(mode) || !(factor instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < 1) {
            throw ctx.unsupported(node, "only nearest upsampling by an integer factor is supported (mode=" + mode
                    + ", scale_factor=" + factor + ")");
        }
        int scale = (int) n.doubleValue();
        Value x = inputs.get(0);
        // upsampling2d(x, scale) cannot compute its shape in M2.1; the (h, w, nchw) form can.
        return ctx.emit(node, Value.map(ctx.sd().cnn().upsampling2d(x.var(), scale, scale, true),
                x.channels(), x.height() * scale, x.width() * scale));
    }
}
