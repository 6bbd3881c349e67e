package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/**
 * Eigen-CAM (Muhammad and Yeasin 2020): the first principal component of the activations,
 * {@link CamMath#projection}{@code (A)}. Needs no gradient and ignores the target (and {@code eigenSmooth}).
 */
public final class EigenCam implements CamMethod {
    @Override
    public String name() {
        return "EigenCAM";
    }

    @Override
    public String summary() {
        return "first principal component of the activations (no gradient, target-independent)";
    }

    @Override
    public boolean usesGradients() {
        return false;
    }

    @Override
    public boolean usesTarget() {
        return false;
    }

    @Override
    public float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options) {
        return CamMath.projection(tensors.activation(), tensors.channels(), tensors.height(), tensors.width());
    }
}
