package dev.yolocam.graph;

import java.util.function.Predicate;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recorded {@code conv2d_bp} whose weight and bias gradients nobody reads (our weights are constants), at stride 1
 * with "same" padding, replays as a forward convolution of the output gradient with the kernel flipped and its
 * channel axes swapped: dX = conv(dY, W'), W'[y, x, o, i] = W[kH-1-y, kW-1-x, i, o]. oneDNN runs that 3-8x faster
 * than {@code conv2d_bp}, which also computes dW (measured on YOLOv5s head layers at 640). Strided convolutions keep
 * {@code conv2d_bp}. 1x1 kernels give identical numbers; 3x3 kernels sum in another order (~2e-6 relative).
 */
final class InputGradientConvolution {
    private static final int NHWC = 1;

    private InputGradientConvolution() {
    }

    /**
     * Whether {@code e} can run as a forward convolution: a conv2d_bp, NHWC with YXIO weights, stride and dilation
     * 1, padding (k-1)/2, constant weights, and only its first output (the input gradient) {@code needed}.
     */
    static boolean applies(RecordedPass.Execution e, Predicate<String> needed, Predicate<String> constant) {
        long[] a = e.iArgs();
        if (!e.op().getOp().opName().equals("conv2d_bp") || a.length < 10 || e.inputNames().size() < 3) {
            return false;
        }
        boolean shape = a[0] % 2 == 1 && a[1] % 2 == 1 && a[2] == 1 && a[3] == 1 && a[4] == (a[0] - 1) / 2
                && a[5] == (a[1] - 1) / 2 && a[6] == 1 && a[7] == 1 && a[8] == 0 && a[9] == NHWC
                && (a.length < 11 || a[10] == 0);
        for (int k = 1; k < e.outputNames().size(); k++) {
            if (needed.test(e.outputNames().get(k))) {
                return false;
            }
        }
        return shape && constant.test(e.inputNames().get(1));
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
