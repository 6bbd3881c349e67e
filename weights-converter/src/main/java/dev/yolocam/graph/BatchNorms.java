package dev.yolocam.graph;

import dev.yolocam.torch.ModuleNode;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** An eval-mode BatchNorm2d that is not folded into a conv: {@code x * alpha + beta} per channel. */
public final class BatchNorms {
    private BatchNorms() {
    }

    public static Value apply(ModuleNode bn, Value x, BuildContext ctx) {
        float[][] ab = FoldedBatchNorm.of(bn, (int) x.channels(), ctx).scaleAndShift();
        long[] shape = {1, 1, 1, x.channels()};
        SDVariable alpha = ctx.constant(bn, "alpha", Nd4j.create(ab[0], shape, DataType.FLOAT));
        SDVariable beta = ctx.constant(bn, "beta", Nd4j.create(ab[1], shape, DataType.FLOAT));
        return x.with(x.var().mul(alpha).add(beta));
    }
}
