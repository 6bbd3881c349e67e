package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/** GradCAMElementWise: like HiResCAM but each product is rectified first, map {@code sum_c max(G_c A_c, 0)}. */
public final class GradCamElementWise extends WeightedActivationCam {
    @Override
    public String name() {
        return "GradCAMElementWise";
    }

    @Override
    public String summary() {
        return "element-wise ReLU(gradient x activation), summed over channels";
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
            out[i] = Math.max(g[i] * a[i], 0f);
        }
        return out;
    }
}
