package dev.yolocam.graph;

import dev.yolocam.torch.ModuleNode;

/**
 * An eval-mode BatchNorm2d as per-channel scale and shift. {@link #foldInto} reproduces YOLOv5's
 * {@code fuse_conv_and_bn} in float32: {@code w' = w * (gamma / sqrt(eps + var))},
 * {@code b' = beta - gamma * mean / sqrt(var + eps)} (+ the scaled conv bias, if any).
 */
final class FoldedBatchNorm {
    private final float[] gamma;
    private final float[] beta;
    private final float[] mean;
    private final float[] variance;
    private final float eps;

    private FoldedBatchNorm(float[] gamma, float[] beta, float[] mean, float[] variance, float eps) {
        this.gamma = gamma;
        this.beta = beta;
        this.mean = mean;
        this.variance = variance;
        this.eps = eps;
    }

    static FoldedBatchNorm of(ModuleNode bn, int channels, BuildContext ctx) {
        float[] gamma = ctx.tensor(bn, "weight").toFloats();
        float[] beta = ctx.tensor(bn, "bias").toFloats();
        float[] mean = ctx.tensor(bn, "running_mean").toFloats();
        float[] variance = ctx.tensor(bn, "running_var").toFloats();
        if (gamma.length != channels || beta.length != channels || mean.length != channels
                || variance.length != channels) {
            throw ctx.unsupported(bn, "expects " + channels + " channels");
        }
        float eps = (float) Attributes.real(bn, "eps", ctx);
        return new FoldedBatchNorm(gamma, beta, mean, variance, eps);
    }

    /** Scales {@code weight} (out-channel major) in place and returns the fused bias. */
    float[] foldInto(float[] weight, float[] convBias) {
        int out = gamma.length;
        int perOut = weight.length / out;
        float[] bias = new float[out];
        for (int o = 0; o < out; o++) {
            float scale = gamma[o] / (float) Math.sqrt(eps + variance[o]);
            for (int k = 0; k < perOut; k++) {
                weight[o * perOut + k] *= scale;
            }
            float shift = beta[o] - gamma[o] * mean[o] / (float) Math.sqrt(variance[o] + eps);
            bias[o] = convBias == null ? shift : scale * convBias[o] + shift;
        }
        return bias;
    }

    /** Eval-mode BN applied to a tensor: {@code x * alpha + beta} per channel, as PyTorch's CPU kernel does it. */
    float[][] scaleAndShift() {
        int c = gamma.length;
        float[] alpha = new float[c];
        float[] shift = new float[c];
        for (int i = 0; i < c; i++) {
            float invStd = (float) (1.0 / Math.sqrt(variance[i] + eps));
            alpha[i] = invStd * gamma[i];
            shift[i] = beta[i] - mean[i] * alpha[i];
        }
        return new float[][] {alpha, shift};
    }
}
