package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/**
 * EigenGradCAM: the first principal component of the element-wise product {@code G * A},
 * {@link CamMath#projection}{@code (G * A)}; always a projection, so {@code eigenSmooth} changes nothing.
 */
public final class EigenGradCam extends WeightedActivationCam {
    @Override
    public String name() {
        return "EigenGradCAM";
    }

    @Override
    public String summary() {
        return "first principal component of gradient x activation";
    }

    @Override
    public boolean usesGradients() {
        return true;
    }

    @Override
    protected float[] weightedActivations(LayerTensors tensors, ModelAccess model, CamOptions options) {
        float[] g = gradient(tensors);
        float[] a = tensors.activation();
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = g[i] * a[i];
        }
        return out;
    }

    @Override
    public float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options) {
        return super.layerMap(tensors, true, model, options);
    }
}
