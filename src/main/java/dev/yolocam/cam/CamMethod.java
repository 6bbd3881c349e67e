package dev.yolocam.cam;

import java.util.List;

/**
 * One method of the Grad-CAM family: how it turns a layer's activation (and gradient) into a 2-D map. Everything
 * else (targets, the forward/backward pass, ReLU, scaling, resizing, aggregation over layers) is the engine's job,
 * as in pytorch-grad-cam's base_cam.py. A new method is one class plus one line in {@link CamMethods}.
 */
public interface CamMethod {
    /** Canonical name, e.g. {@code GradCAM}. */
    String name();

    /** Other accepted names (matched case-insensitively), e.g. {@code GradCAM++} for GradCAMPlusPlus. */
    /**
     * This method with {@code parameters} applied ({@code --method NAME:name=value,...}); a method without
     * parameters refuses any.
     */
    default CamMethod withParameters(MethodParameters parameters) {
        parameters.requireOnly(name(), java.util.Set.of());
        return this;
    }

    default List<String> aliases() {
        return List.of();
    }

    /** One line for {@code --method list}. */
    String summary();

    /** Whether the engine must run a backward pass for it. */
    boolean usesGradients();

    /**
     * Whether the map depends on what is explained (the target rows). A method that sees only the activations
     * (EigenCAM) gives every detection of an image the same map.
     */
    default boolean usesTarget() {
        return true;
    }

    /**
     * Whether the method makes one map per kept detection unless asked otherwise: an instance method, whose map of
     * several detections together means little.
     */
    default boolean perDetectionByDefault() {
        return false;
    }

    /**
     * The layer's map before ReLU and normalisation, {@code h*w} values.
     *
     * @param eigenSmooth replace the channel sum of the weighted activations by their first principal component
     *                    (pytorch-grad-cam's {@code eigen_smooth}); methods that are a projection already ignore it
     * @param model       for perturbation methods; gradient and activation methods do not touch it
     */
    float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options);
}
