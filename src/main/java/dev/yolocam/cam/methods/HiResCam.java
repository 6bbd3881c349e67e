package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/** HiResCAM (Draelos and Carin 2020): element-wise {@code G * A}, map {@code sum_c G_c A_c}. */
public final class HiResCam extends WeightedActivationCam {
    @Override
    public String name() {
        return "HiResCAM";
    }

    @Override
    public String summary() {
        return "element-wise gradient x activation, summed over channels";
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
}
