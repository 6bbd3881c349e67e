package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;
import java.util.List;

/**
 * ShapleyCAM (Cai 2025, arXiv 2501.06261; pytorch-grad-cam's {@code shapley_cam.py}):
 * {@code w_c = mean_{h,w}(G_c - hvp_c / 2)} with {@code hvp} the Hessian of the target times the activation,
 * {@code d/dA <G, A>}; map {@code sum_c w_c A_c}.
 *
 * <p>Upstream differentiates twice. SameDiff offers no double backward here, so {@code hvp} is the derivative of
 * the gradient along the activation itself, as a central difference: {@code (G((1+s)A) - G((1-s)A)) / (2s)}, the
 * gradients taken at the layer's output scaled by {@code 1 +- s} (one extra batched forward + backward per layer,
 * {@link ModelAccess#gradientsAtScaledOutput}). The step {@link #STEP} was chosen by measuring the map against
 * upstream's (oracle section 9b). Each layer's product is taken with only that layer scaled: with several target
 * layers upstream raises ("backward through the graph a second time"), yolocam gives each layer its own map.
 */
public final class ShapleyCam extends ChannelWeightCam {
    /** The relative step of the central difference. */
    static final double STEP = 1e-2;
    private final double step;

    public ShapleyCam() {
        this(STEP);
    }

    ShapleyCam(double step) {
        this.step = step;
    }

    @Override
    public String name() {
        return "ShapleyCAM";
    }

    @Override
    public String summary() {
        return "channel weights = mean of gradient - Hessian x activation / 2 (one extra pass per layer)";
    }

    @Override
    public boolean usesGradients() {
        return true;
    }

    @Override
    protected double[] channelWeights(LayerTensors tensors, ModelAccess model, CamOptions options) {
        float[] g = gradient(tensors);
        List<float[]> scaled = model.gradientsAtScaledOutput(tensors.layer(),
                new float[] {(float) (1 + step), (float) (1 - step)});
        float[] up = scaled.get(0);
        float[] down = scaled.get(1);
        // the factors as float32 multiplied them: the difference quotient divides by their actual distance
        double distance = (double) (float) (1 + step) - (double) (float) (1 - step);
        int pixels = tensors.pixels();
        double[] weights = new double[tensors.channels()];
        for (int c = 0; c < weights.length; c++) {
            double sum = 0;
            for (int i = c * pixels; i < (c + 1) * pixels; i++) {
                double hvp = ((double) up[i] - down[i]) / distance;
                sum += g[i] - 0.5 * hvp;
            }
            weights[c] = sum / pixels;
        }
        return weights;
    }
}
