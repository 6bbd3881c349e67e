package dev.yolocam.graph;

import dev.yolocam.torch.ModuleNode;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An eval-mode BatchNorm2d that is not folded into a conv: {@code x * alpha + beta} per channel. The bias it records
 * is its shift as the fold computes it, {@code beta - gamma * mean / sqrt(var + eps)} (what folding it into a
 * bias-free conv adds, and what pytorch-grad-cam's FullGrad reads as a BatchNorm2d's bias).
 */
public final class BatchNorms {
    private BatchNorms() {
    }

    /** Emits the normalised {@code x} as {@code bn}'s output. */
    public static Value emit(ModuleNode bn, Value x, BuildContext ctx) {
        FoldedBatchNorm folded = FoldedBatchNorm.of(bn, (int) x.channels(), ctx);
        float[][] ab = folded.scaleAndShift();
        long[] shape = {1, 1, 1, x.channels()};
        SDVariable alpha = ctx.constant(bn, "alpha", Nd4j.create(ab[0], shape, DataType.FLOAT));
        SDVariable beta = ctx.constant(bn, "beta", Nd4j.create(ab[1], shape, DataType.FLOAT));
        // No conv weight to scale: only the bias half of the fold is wanted.
        return ctx.emit(bn, x.with(x.var().mul(alpha).add(beta)), folded.foldInto(new float[0], null));
    }
}
