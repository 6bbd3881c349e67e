package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;
import dev.yolocam.errors.UsageException;
import java.util.List;

/**
 * RefineCAM (pytorch-grad-cam's {@code refine_cam.py}): one Grad-CAM++ per target layer, each the finished map of a
 * one-layer Grad-CAM++ ({@code scale_cam_image} to the input, then the one-layer aggregation), multiplied pixel by
 * pixel over the layers, the product {@code scale_cam_image}d. Upstream's loop meant to normalise each map again
 * rebinds its loop variable and has no effect, so the maps are multiplied as they are. With one layer it is
 * Grad-CAM++; a layer sweep shows each layer's Grad-CAM++.
 */
public final class RefineCam implements CamMethod {
    private final GradCamPlusPlus base = new GradCamPlusPlus();

    @Override
    public String name() {
        return "RefineCAM";
    }

    @Override
    public String summary() {
        return "product over the layers of their Grad-CAM++ maps (denoises early layers)";
    }

    @Override
    public boolean usesGradients() {
        return true;
    }

    @Override
    public float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options) {
        return base.layerMap(tensors, eigenSmooth, model, options);
    }

    /** Refuses {@code --aggregate max}: the product is the method. */
    @Override
    public float[] aggregate(List<float[]> layerMaps, CamMath.Aggregation aggregation) {
        if (aggregation != CamMath.Aggregation.MEAN) {
            throw new UsageException(name() + " combines its layers by their product; --aggregate "
                    + aggregation.name().toLowerCase(java.util.Locale.ROOT) + " does not apply");
        }
        float[] product = null;
        for (float[] map : layerMaps) {
            float[] finished = CamMath.aggregate(List.of(map), CamMath.Aggregation.MEAN);
            if (product == null) {
                product = finished;
            } else {
                for (int i = 0; i < product.length; i++) {
                    product[i] *= finished[i];
                }
            }
        }
        if (product == null) {
            throw new IllegalArgumentException("no maps to combine");
        }
        return CamMath.scale(product);
    }
}
