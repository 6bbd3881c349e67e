package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/**
 * XGrad-CAM (Fu et al. 2020): {@code w_c = sum_{h,w}(G_c A_c) / (sum_{h,w} A_c + 1e-7)}. A channel whose
 * denominator is exactly zero gets weight 0 (upstream would divide by zero).
 */
public final class XGradCam extends ChannelWeightCam {
    private static final double EPSILON = 1e-7;

    @Override
    public String name() {
        return "XGradCAM";
    }

    @Override
    public String summary() {
        return "channel weights = activation-normalised sum of gradient x activation";
    }

    @Override
    public boolean usesGradients() {
        return true;
    }

    @Override
    protected double[] channelWeights(LayerTensors tensors, ModelAccess model, CamOptions options) {
        float[] g = gradient(tensors);
        float[] a = tensors.activation();
        int pixels = tensors.pixels();
        double[] weights = new double[tensors.channels()];
        for (int c = 0; c < weights.length; c++) {
            double activationSum = 0;
            double product = 0;
            for (int i = c * pixels; i < (c + 1) * pixels; i++) {
                activationSum += a[i];
                product += (double) g[i] * a[i];
            }
            double denominator = activationSum + EPSILON;
            weights[c] = denominator == 0 ? 0 : product / denominator;
        }
        return weights;
    }
}
