package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What replaces a conv2d_bp whose weight gradient nobody reads computes the same input gradient as conv2d_bp, for
 * stride 1 (flipped-kernel convolution) and stride 2 (transposed convolution, then the inner window); a case the
 * replacement cannot cover keeps conv2d_bp.
 */
class InputGradientConvolutionProperties {
    @Property(tries = 40)
    void theReplacementComputesConv2dBackpropsInputGradient(@ForAll @IntRange(min = 0, max = 2) int halfKernel,
                                                            @ForAll @IntRange(min = 1, max = 2) int stride,
                                                            @ForAll @IntRange(min = 1, max = 5) int halfHeight,
                                                            @ForAll @IntRange(min = 1, max = 5) int halfWidth,
                                                            @ForAll @IntRange(min = 1, max = 6) int in,
                                                            @ForAll @IntRange(min = 1, max = 6) int out,
                                                            @ForAll @IntRange(min = 1, max = 2) int batch,
                                                            @ForAll long seed) {
        int k = 2 * halfKernel + 1;
        int height = 2 * halfHeight;
        int width = 2 * halfWidth;
        int outH = (height + 2 * halfKernel - k) / stride + 1;
        int outW = (width + 2 * halfKernel - k) / stride + 1;
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, height, width, in).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, k, k, in, out).subi(0.5);
        INDArray dy = Nd4j.rand(DataType.FLOAT, batch, outH, outW, out).subi(0.5);
        long[] args = {k, k, stride, stride, halfKernel, halfKernel, 1, 1, 0, 1, 0};
        INDArray dx = x.ulike();
        INDArray dw = w.ulike();
        DynamicCustomOp backprop = DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, dy).addOutputs(dx, dw)
                .addIntegerArguments(toInts(args)).build();
        Nd4j.exec(backprop);

        RecordedPass.Execution e = new RecordedPass.Execution(
                SameDiffOp.builder().name("bp").op(backprop).build(), List.of("x", "w", "dy"), List.of(x, w, dy),
                List.of("dx", "dw"), List.of(dx, dw), args, new double[0], new boolean[0], new DataType[0]);
        INDArray replayed = x.ulike();
        Optional<InputGradientConvolution.Replacement> r = InputGradientConvolution.of(e,
                new INDArray[] {x, w, dy}, new INDArray[] {replayed, dw.ulike()}, name -> false, "w"::equals);
        if (k == 1 && stride == 2) {
            // dY does not reach every input row (odd rows get no gradient): conv2d_bp stays
            assertTrue(r.isEmpty(), "a transposed convolution would not cover dX");
            return;
        }
        assertTrue(r.isPresent(), "replaced: k=" + k + " stride=" + stride);
        OpContext context = Nd4j.getExecutioner().buildContext();
        context.setIArguments(r.get().iArgs());
        context.setInputArrays(r.get().inputs());
        context.setOutputArrays(r.get().output());
        Nd4j.exec(r.get().op(), context);
        if (r.get().copyFrom() != null) {
            replayed.assign(r.get().copyFrom());
        }
        double scale = Math.max(1e-3, dx.amaxNumber().doubleValue());
        double diff = dx.sub(replayed).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-5 * scale, "max |diff| " + diff + " of " + scale + " for k=" + k + " stride=" + stride);
    }

    @Property(tries = 10)
    void aWeightGradientSomeoneReadsKeepsConv2dBackprop(@ForAll @IntRange(min = 0, max = 1) int halfKernel) {
        int k = 2 * halfKernel + 1;
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 4, 4, 2);
        INDArray w = Nd4j.rand(DataType.FLOAT, k, k, 2, 3);
        INDArray dy = Nd4j.rand(DataType.FLOAT, 1, 4, 4, 3);
        long[] args = {k, k, 1, 1, halfKernel, halfKernel, 1, 1, 0, 1, 0};
        DynamicCustomOp backprop = DynamicCustomOp.builder("conv2d_bp").build();
        RecordedPass.Execution e = new RecordedPass.Execution(
                SameDiffOp.builder().name("bp").op(backprop).build(), List.of("x", "w", "dy"), List.of(x, w, dy),
                List.of("dx", "dw"), List.of(x.ulike(), w.ulike()), args, new double[0], new boolean[0],
                new DataType[0]);
        assertTrue(InputGradientConvolution.of(e, new INDArray[] {x, w, dy}, new INDArray[] {x.ulike(), w.ulike()},
                "dw"::equals, "w"::equals).isEmpty());
    }

    private static int[] toInts(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }
}
