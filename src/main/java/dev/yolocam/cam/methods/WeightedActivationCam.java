package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/**
 * The shape of pytorch-grad-cam's {@code BaseCAM.get_cam_image}: a method builds a weighted activation tensor
 * {@code (C, h, w)}; the map is its channel sum, or with {@code eigen_smooth} its first principal component
 * ({@link CamMath#projection}).
 */
public abstract class WeightedActivationCam implements CamMethod {
    /** The {@code (C, h, w)} tensor whose channel sum is the map. */
    protected abstract float[] weightedActivations(LayerTensors tensors, ModelAccess model, CamOptions options);

    @Override
    public float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options) {
        float[] weighted = weightedActivations(tensors, model, options);
        int c = tensors.channels();
        return eigenSmooth ? CamMath.projection(weighted, c, tensors.height(), tensors.width())
                : CamMath.channelSum(weighted, c, tensors.height(), tensors.width());
    }

    /** The gradient, or an exception naming the method when the engine did not supply it. */
    protected final float[] gradient(LayerTensors tensors) {
        if (tensors.gradient() == null) {
            throw new IllegalArgumentException(name() + " needs the gradient of layer " + tensors.layer());
        }
        return tensors.gradient();
    }
}
