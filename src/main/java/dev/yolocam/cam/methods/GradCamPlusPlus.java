package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;
import java.util.List;

/**
 * Grad-CAM++ (Chattopadhay et al. 2018, eq. 19) as pytorch-grad-cam computes it: per element
 * {@code a = G^2 / (2 G^2 + S_c G^3 + 1e-6)} with {@code S_c = sum_{h,w} A_c}, {@code a = 0} where {@code G = 0};
 * {@code w_c = sum_{h,w} max(G, 0) a}. The denominator can come close to zero, which makes this method sensitive to
 * rounding; unlike the other gradient methods its map also changes when the target is scaled.
 */
public final class GradCamPlusPlus extends ChannelWeightCam {
    private static final double EPSILON = 1e-6;

    @Override
    public String name() {
        return "GradCAMPlusPlus";
    }

    @Override
    public List<String> aliases() {
        return List.of("GradCAM++", "GradCAMPP");
    }

    @Override
    public String summary() {
        return "channel weights from second/third powers of the gradient (Grad-CAM++)";
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
            for (int i = c * pixels; i < (c + 1) * pixels; i++) {
                activationSum += a[i];
            }
            double w = 0;
            for (int i = c * pixels; i < (c + 1) * pixels; i++) {
                double grad = g[i];
                if (grad > 0) { // max(G, 0) * a vanishes elsewhere, including where upstream zeroes a
                    double g2 = grad * grad;
                    w += grad * g2 / (2 * g2 + activationSum * g2 * grad + EPSILON);
                }
            }
            weights[c] = w;
        }
        return weights;
    }
}
