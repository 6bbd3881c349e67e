package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/** LayerCAM (Jiang et al. 2021): element-wise {@code max(G, 0) * A}, summed over channels. */
public final class LayerCam extends WeightedActivationCam {
    @Override
    public String name() {
        return "LayerCAM";
    }

    @Override
    public String summary() {
        return "element-wise ReLU(gradient) x activation, summed over channels";
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
            out[i] = Math.max(g[i], 0f) * a[i];
        }
        return out;
    }
}
