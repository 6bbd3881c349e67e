package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** The input gradient of a stride-1 "same" convolution is the flipped-kernel forward convolution of dY. */
class InputGradientConvolutionProperties {
    @Property(tries = 30)
    void flippedKernelConvolutionEqualsConv2dBackprop(@ForAll @IntRange(min = 0, max = 2) int halfKernel,
                                                      @ForAll @IntRange(min = 1, max = 9) int height,
                                                      @ForAll @IntRange(min = 1, max = 9) int width,
                                                      @ForAll @IntRange(min = 1, max = 6) int in,
                                                      @ForAll @IntRange(min = 1, max = 6) int out,
                                                      @ForAll @IntRange(min = 1, max = 2) int batch,
                                                      @ForAll long seed) {
        int k = 2 * halfKernel + 1;
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, height, width, in).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, k, k, in, out).subi(0.5);
        INDArray dy = Nd4j.rand(DataType.FLOAT, batch, height, width, out).subi(0.5);
        int[] args = {k, k, 1, 1, halfKernel, halfKernel, 1, 1, 0, 1, 0};
        INDArray dx = x.ulike();
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, dy).addOutputs(dx, w.ulike())
                .addIntegerArguments(args).build());
        INDArray viaForward = x.ulike();
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(dy, InputGradientConvolution.flippedKernel(w))
                .addOutputs(viaForward).addIntegerArguments(args).build());
        double scale = Math.max(1e-3, dx.amaxNumber().doubleValue());
        double diff = dx.sub(viaForward).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-5 * scale, "max |diff| " + diff + " of " + scale + " for k=" + k);
    }
}
