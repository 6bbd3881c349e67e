package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/**
 * Methods that only decide one weight per channel ({@code BaseCAM.get_cam_weights}); the weighted activations are
 * {@code w_c * A_c}.
 */
public abstract class ChannelWeightCam extends WeightedActivationCam {
    /** One weight per channel. */
    protected abstract double[] channelWeights(LayerTensors tensors, ModelAccess model, CamOptions options);

    @Override
    protected final float[] weightedActivations(LayerTensors tensors, ModelAccess model, CamOptions options) {
        double[] weights = channelWeights(tensors, model, options);
        float[] a = tensors.activation();
        int pixels = tensors.pixels();
        float[] out = new float[a.length];
        for (int c = 0; c < tensors.channels(); c++) {
            double w = weights[c];
            for (int i = c * pixels; i < (c + 1) * pixels; i++) {
                out[i] = (float) (w * a[i]);
            }
        }
        return out;
    }
}
