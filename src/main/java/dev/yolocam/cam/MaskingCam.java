package dev.yolocam.cam;

import java.util.List;

/**
 * A method that never looks inside the model: it perturbs the input image and reads only the predictions of the
 * perturbed copies (D-RISE). It taps no layer, so {@code --layer} does not change its map and it has no per-layer
 * sweep; the engine hands it the image and every map's target at once, so that all the maps of an image share one
 * set of forward passes.
 */
public interface MaskingCam extends CamMethod {
    /**
     * One map per target, {@code inputHeight x inputWidth} values in [0, 1]: the image is {@link ModelAccess#input},
     * its perturbed copies run through {@link ModelAccess#predictInputs}.
     */
    List<float[]> maps(List<Target> targets, ModelAccess model, CamOptions options, MapProgress progress);

    @Override
    default boolean usesGradients() {
        return false;
    }

    /** A masking method has no per-layer map; the engine calls {@link #maps} instead. */
    @Override
    default float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options) {
        throw new UnsupportedOperationException(name() + " perturbs the input image; it has no per-layer map");
    }
}
