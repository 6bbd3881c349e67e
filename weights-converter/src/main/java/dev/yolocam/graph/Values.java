package dev.yolocam.graph;

import dev.yolocam.torch.ModuleNode;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/** Small shape-tracking helpers shared by several blocks. */
public final class Values {
    private Values() {
    }

    public static Value concatChannels(BuildContext ctx, Value... parts) {
        return concatChannels(ctx, Arrays.asList(parts));
    }

    public static Value concatChannels(BuildContext ctx, List<Value> parts) {
        long channels = 0;
        for (Value p : parts) {
            if (p.height() != parts.get(0).height() || p.width() != parts.get(0).width()) {
                throw new IllegalStateException("concat of maps with different sizes");
            }
            channels += p.channels();
        }
        SDVariable[] vars = parts.stream().map(Value::var).toArray(SDVariable[]::new);
        return Value.map(ctx.sd().concat(Value.CHANNEL_AXIS, vars), channels, parts.get(0).height(),
                parts.get(0).width());
    }

    /** Channels {@code [from, to)} of a feature map (torch's {@code chunk} / {@code split} along dim 1). */
    public static Value channels(BuildContext ctx, Value x, long from, long to) {
        SDVariable slice = ctx.sd().stridedSlice(x.var(), new long[] {0, 0, 0, from},
                new long[] {ctx.spec().batch(), x.height(), x.width(), to}, new long[] {1, 1, 1, 1});
        return Value.map(slice, to - from, x.height(), x.width());
    }

    public static Value maxPool(ModuleNode node, Value x, BuildContext ctx) {
        long[] kernel = Attributes.pair(node, "kernel_size", ctx);
        long[] stride = node.attributes().get("stride") == null ? kernel : Attributes.pair(node, "stride", ctx);
        long[] padding = Attributes.pair(node, "padding", ctx);
        if (kernel[0] < 1 || kernel[1] < 1 || stride[0] < 1 || stride[1] < 1 || padding[0] < 0 || padding[1] < 0
                || 2 * padding[0] > kernel[0] || 2 * padding[1] > kernel[1]) {
            throw ctx.unsupported(node, "invalid kernel_size/stride/padding");
        }
        if (Attributes.flag(node, "ceil_mode", false) || Attributes.integer(node, "dilation", 1L) != 1) {
            throw ctx.unsupported(node, "ceil_mode and dilation are not supported");
        }
        Pooling2DConfig config = Pooling2DConfig.builder().kH(kernel[0]).kW(kernel[1]).sH(stride[0]).sW(stride[1])
                .pH(padding[0]).pW(padding[1]).dH(1).dW(1).paddingMode(PaddingMode.VALID).isNHWC(true).build();
        long outH = (x.height() + 2 * padding[0] - kernel[0]) / stride[0] + 1;
        long outW = (x.width() + 2 * padding[1] - kernel[1]) / stride[1] + 1;
        return Value.map(ctx.sd().cnn().maxPooling2d(x.var(), config), x.channels(), outH, outW);
    }
}
