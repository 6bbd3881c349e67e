package dev.yolocam.graph;

import java.util.Optional;
import java.util.function.Predicate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A recorded {@code conv2d_bp} whose weight and bias gradients nobody reads (our weights are constants) replays as
 * an op that computes only the input gradient dX, which oneDNN runs several times faster than {@code conv2d_bp}
 * (that also computes dW):
 * <ul>
 *   <li>stride 1, "same" padding: a forward convolution of dY with the kernel flipped and its channel axes swapped,
 *       dX = conv(dY, W'), W'[y, x, o, i] = W[kH-1-y, kW-1-x, i, o] (YOLOv5s head at 640: 77.8 -> 19.0 ms summed);
 *       1x1 kernels give identical numbers, 3x3 kernels sum in another order (~2e-6 relative);</li>
 *   <li>larger strides: the transposed convolution {@code deconv2d} of dY without padding, whose rows and columns
 *       p..p+H-1 are dX (identical numbers, 2-3x faster).</li>
 * </ul>
 * Anything else (dilation, "SAME" mode, NCHW) keeps {@code conv2d_bp}.
 */
final class InputGradientConvolution {
    private static final int NHWC = 1;

    /**
     * What runs instead: {@code op} with {@code iArgs} on {@code inputs}, writing {@code output}; then, when
     * {@code copyFrom} is not null, that view copied into dX.
     */
    record Replacement(DynamicCustomOp op, long[] iArgs, INDArray[] inputs, INDArray output, INDArray copyFrom) {
    }

    private InputGradientConvolution() {
    }

    /**
     * The replacement for {@code e} given its replay arrays, or empty when {@code e} is not a conv2d_bp of the kind
     * above or a later op reads its weight or bias gradient.
     */
    static Optional<Replacement> of(RecordedPass.Execution e, INDArray[] inputs, INDArray[] outputs,
                                    Predicate<String> needed, Predicate<String> constant) {
        long[] a = e.iArgs();
        if (!e.op().getOp().opName().equals("conv2d_bp") || a.length < 10 || inputs.length < 3
                || !constant.test(e.inputNames().get(1))) {
            return Optional.empty();
        }
        for (int k = 1; k < e.outputNames().size(); k++) {
            if (needed.test(e.outputNames().get(k))) {
                return Optional.empty();
            }
        }
        long kh = a[0];
        long kw = a[1];
        boolean plain = kh % 2 == 1 && kw % 2 == 1 && a[4] == (kh - 1) / 2 && a[5] == (kw - 1) / 2 && a[6] == 1
                && a[7] == 1 && a[8] == 0 && a[9] == NHWC && (a.length < 11 || a[10] == 0);
        if (!plain) {
            return Optional.empty();
        }
        INDArray dy = inputs[inputs.length - 1];
        INDArray dx = outputs[0];
        if (a[2] == 1 && a[3] == 1) {
            return Optional.of(new Replacement(DynamicCustomOp.builder("conv2d").build(), a,
                    new INDArray[] {dy, flippedKernel(inputs[1])}, dx, null));
        }
        long fullH = (dy.size(1) - 1) * a[2] + kh;
        long fullW = (dy.size(2) - 1) * a[3] + kw;
        if (fullH - a[4] < dx.size(1) || fullW - a[5] < dx.size(2)) {
            return Optional.empty();
        }
        INDArray full = Nd4j.create(dx.dataType(), new long[] {dx.size(0), fullH, fullW, dx.size(3)}, 'c');
        long[] transposed = {kh, kw, a[2], a[3], 0, 0, 1, 1, 0, NHWC, 0};
        INDArray inner = full.get(NDArrayIndex.all(), NDArrayIndex.interval(a[4], a[4] + dx.size(1)),
                NDArrayIndex.interval(a[5], a[5] + dx.size(2)), NDArrayIndex.all());
        return Optional.of(new Replacement(DynamicCustomOp.builder("deconv2d").build(), transposed,
                new INDArray[] {dy, inputs[1]}, full, inner));
    }

    /** W [kH, kW, iC, oC] flipped in space with iC and oC swapped: the kernel of the input gradient. */
    static INDArray flippedKernel(INDArray weights) {
        long[] s = weights.shape();
        int kh = (int) s[0];
        int kw = (int) s[1];
        int in = (int) s[2];
        int out = (int) s[3];
        float[] w = FloatArrays.values(weights);
        float[] flipped = new float[w.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                int from = ((kh - 1 - y) * kw + (kw - 1 - x)) * in * out;
                int to = (y * kw + x) * out * in;
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        flipped[to + o * in + i] = w[from + i * out + o];
                    }
                }
            }
        }
        return FloatArrays.of(flipped, kh, kw, out, in);
    }
}
