package dev.yolocam.graph;

import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An {@code nn.Conv2d}, optionally with a following BatchNorm2d folded in exactly as YOLOv5's
 * {@code fuse_conv_and_bn} does it in float32. SameDiff's conv2d is fed YXIO weights (OIYX works forward only),
 * grouped convolutions become a depthwise op or slices + concat (SameDiff has no groups field).
 */
public final class Convolution {
    private Convolution() {
    }

    /**
     * Emits the conv's output (with the folded BN when given) as {@code conv}'s, recording the bias it adds: the
     * fused model's Conv2d bias; none for a conv without a bias and without a BN.
     */
    public static Value emit(ModuleNode conv, Optional<ModuleNode> bn, Value x, BuildContext ctx) {
        long[] kernel = Attributes.pair(conv, "kernel_size", ctx);
        long[] stride = Attributes.pair(conv, "stride", ctx);
        long[] padding = Attributes.pair(conv, "padding", ctx);
        long[] dilation = conv.hasAttribute("dilation") ? Attributes.pair(conv, "dilation", ctx) : new long[] {1, 1};
        long groups = Attributes.integer(conv, "groups", 1L);
        if (kernel[0] < 1 || kernel[1] < 1 || stride[0] < 1 || stride[1] < 1 || dilation[0] < 1 || dilation[1] < 1
                || padding[0] < 0 || padding[1] < 0 || groups < 1) {
            throw ctx.unsupported(conv, "invalid kernel_size/stride/padding/dilation/groups");
        }
        TensorData weightTensor = ctx.tensor(conv, "weight");
        long[] wShape = weightTensor.shape();
        if (wShape.length != 4 || wShape[2] != kernel[0] || wShape[3] != kernel[1]) {
            throw ctx.unsupported(conv, "weight shape does not match kernel_size");
        }
        int out = (int) wShape[0];
        int inPerGroup = (int) wShape[1];
        if (inPerGroup * groups != x.channels() || out % groups != 0) {
            throw ctx.unsupported(conv, "expects " + inPerGroup * groups + " input channels in " + groups
                    + " groups, gets " + x.channels());
        }
        float[] weight = weightTensor.toFloats();
        float[] addedBias = fold(conv, bn, weight, out, ctx);
        float[] bias = addedBias != null ? addedBias : new float[out];
        Conv2DConfig config = Conv2DConfig.builder().kH(kernel[0]).kW(kernel[1]).sH(stride[0]).sW(stride[1])
                .pH(padding[0]).pW(padding[1]).dH(dilation[0]).dW(dilation[1])
                .paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
        long outH = (x.height() + 2 * padding[0] - dilation[0] * (kernel[0] - 1) - 1) / stride[0] + 1;
        long outW = (x.width() + 2 * padding[1] - dilation[1] * (kernel[1] - 1) - 1) / stride[1] + 1;
        SameDiff sd = ctx.sd();
        SDVariable b = ctx.constant(conv, "bias", Nd4j.create(bias, new long[] {out}, DataType.FLOAT));
        SDVariable y;
        int kH = (int) kernel[0];
        int kW = (int) kernel[1];
        if (groups == 1) {
            SDVariable w = ctx.constant(conv, "weight", Nd4j.create(toYxio(weight, out, inPerGroup, kH, kW),
                    new long[] {kH, kW, inPerGroup, out}, DataType.FLOAT));
            y = sd.cnn().conv2d(x.var(), w, b, config);
        } else if (inPerGroup == 1) {
            int multiplier = (int) (out / groups);
            SDVariable w = ctx.constant(conv, "weight", Nd4j.create(toYxio(weight, out, 1, kH, kW),
                    new long[] {kH, kW, groups, multiplier}, DataType.FLOAT));
            y = sd.cnn().depthWiseConv2d(x.var(), w, b, config);
        } else {
            y = groupedBySlices(conv, x, weight, bias, (int) groups, out, inPerGroup, kH, kW, config, ctx);
        }
        return ctx.emit(conv, Value.map(y, out, outH, outW), addedBias);
    }

    /** The conv's bias with {@code bn} folded in (scaling {@code weight} in place), or null when it has none. */
    private static float[] fold(ModuleNode conv, Optional<ModuleNode> bn, float[] weight, int out, BuildContext ctx) {
        float[] bias = conv.tensor("bias").map(TensorData::toFloats).orElse(null);
        return bn.isPresent() ? FoldedBatchNorm.of(bn.get(), out, ctx).foldInto(weight, bias) : bias;
    }

    private static SDVariable groupedBySlices(ModuleNode conv, Value x, float[] weight, float[] bias, int groups,
                                              int out, int inPerGroup, int kH, int kW, Conv2DConfig config,
                                              BuildContext ctx) {
        int outPerGroup = out / groups;
        int perOut = inPerGroup * kH * kW;
        SameDiff sd = ctx.sd();
        List<SDVariable> parts = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            float[] w = new float[outPerGroup * perOut];
            System.arraycopy(weight, g * outPerGroup * perOut, w, 0, w.length);
            float[] bg = new float[outPerGroup];
            System.arraycopy(bias, g * outPerGroup, bg, 0, outPerGroup);
            SDVariable slice = sd.stridedSlice(x.var(), new long[] {0, 0, 0, (long) g * inPerGroup},
                    new long[] {ctx.spec().batch(), x.height(), x.width(), (long) (g + 1) * inPerGroup},
                    new long[] {1, 1, 1, 1});
            SDVariable wv = ctx.constant(conv, "weight_g" + g, Nd4j.create(toYxio(w, outPerGroup, inPerGroup, kH, kW),
                    new long[] {kH, kW, inPerGroup, outPerGroup}, DataType.FLOAT));
            SDVariable bv = ctx.constant(conv, "bias_g" + g, Nd4j.create(bg, new long[] {outPerGroup}, DataType.FLOAT));
            parts.add(sd.cnn().conv2d(slice, wv, bv, config));
        }
        return sd.concat(Value.CHANNEL_AXIS, parts.toArray(new SDVariable[0]));
    }

    /** PyTorch OIYX (out, in, kH, kW) to YXIO (kH, kW, in, out); written in destination order (cache-friendly). */
    static float[] toYxio(float[] oiyx, int out, int in, int kH, int kW) {
        float[] yxio = new float[oiyx.length];
        int k = kH * kW;
        int d = 0;
        for (int yx = 0; yx < k; yx++) {
            for (int i = 0; i < in; i++) {
                int source = i * k + yx;
                int step = in * k;
                for (int o = 0; o < out; o++) {
                    yxio[d++] = oiyx[source + o * step];
                }
            }
        }
        return yxio;
    }
}
