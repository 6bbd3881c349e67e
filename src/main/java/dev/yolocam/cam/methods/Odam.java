package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/**
 * ODAM, gradient-weighted Object Detector Activation Maps (Zhao and Chan, "ODAM: Gradient-based instance-specific
 * visual explanations for object detection", ICLR 2023). For a prediction {@code p} of one detection (its class
 * score by default; any target, box coordinates included) and a feature map {@code A} with the gradient
 * {@code G = dy_p / dA}, the map is {@code ReLU(sum_c G_c * A_c)}: the gradient weighs every activation where it is,
 * with no spatial averaging, so that the map stays on the one instance whose prediction it explains. This is the
 * authors' reference code ({@code tools/savefig_odam.py} of github.com/Cyang-Zhao/ODAM: {@code relu((grad *
 * fm).sum(1))}, resized, min-max scaled), which smooths nothing; per layer it is HiResCAM's formula.
 *
 * <p>What makes it ODAM is the target: ODAM explains each detection on its own, so a request for it makes one map
 * per kept detection unless told otherwise ({@link #perDetectionByDefault}). The authors take the one
 * feature-pyramid level that predicted the box; here the maps of the chosen layers are combined as for every method
 * (default: every Detect input, the mean of the scaled maps). On the Detect inputs that comes close: a row of the
 * finest level depends on no coarser Detect input, so their gradients, and maps, are zero; only a coarse level's row
 * also reaches back into the finer levels that feed it.
 */
public final class Odam implements CamMethod {
    private final HiResCam products = new HiResCam();

    @Override
    public String name() {
        return "ODAM";
    }

    @Override
    public String summary() {
        return "each detection's own prediction: gradient x activation summed over channels; one map per detection "
                + "by default";
    }

    @Override
    public boolean usesGradients() {
        return true;
    }

    @Override
    public boolean perDetectionByDefault() {
        return true;
    }

    @Override
    public float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options) {
        return products.layerMap(tensors, eigenSmooth, model, options);
    }
}
