package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/** Grad-CAM (Selvaraju et al. 2017): {@code w_c = mean_{h,w} G_c}, map {@code sum_c w_c A_c}. */
public final class GradCam extends ChannelWeightCam {
    @Override
    public String name() {
        return "GradCAM";
    }

    @Override
    public String summary() {
        return "channel weights = spatial mean of the gradient";
    }

    @Override
    public boolean usesGradients() {
        return true;
    }

    @Override
    protected double[] channelWeights(LayerTensors tensors, ModelAccess model, CamOptions options) {
        float[] g = gradient(tensors);
        int pixels = tensors.pixels();
        double[] weights = new double[tensors.channels()];
        for (int c = 0; c < weights.length; c++) {
            double sum = 0;
            for (int i = c * pixels; i < (c + 1) * pixels; i++) {
                sum += g[i];
            }
            weights[c] = sum / pixels;
        }
        return weights;
    }
}
