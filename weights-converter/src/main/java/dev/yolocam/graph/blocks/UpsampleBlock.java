package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

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
        // upsampling2d(x, scale) cannot compute its shape in M2.1, and its NHWC backward is wrong (measured: a
        // finite-difference check is off by ~3); so it runs in NCHW between two permutes of the NHWC graph.
        SameDiff sd = ctx.sd();
        SDVariable nchw = sd.permute(x.var(), 0, 3, 1, 2);
        SDVariable up = sd.cnn().upsampling2d(nchw, scale, scale, true);
        return ctx.emit(node, Value.map(sd.permute(up, 0, 2, 3, 1), x.channels(), x.height() * scale,
                x.width() * scale));
    }
}
