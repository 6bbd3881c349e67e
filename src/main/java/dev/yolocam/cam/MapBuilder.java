package dev.yolocam.cam;

import dev.yolocam.detect.LetterboxResult;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.graph.FloatArrays;
import dev.yolocam.model.YoloModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns what a pass left into maps, as pytorch-grad-cam does per layer: the method weighs the layer's activations
 * (with its gradients), then ReLU, min-max scaling and resizing to the network input; the layers' maps are then
 * aggregated. A {@link WholeModelCam} combines its own layers instead; a {@link MaskingCam} reads no layer.
 */
final class MapBuilder {
    private final YoloModel model;
    private final CamRequest request;
    private final MapProgress progress;

    MapBuilder(YoloModel model, CamRequest request, MapProgress progress) {
        this.model = model;
        this.request = request;
        this.progress = progress;
    }

    /** The request's maps of one pass for each of {@code targets} at once (a {@link MaskingCam}'s passes shared). */
    List<float[]> maps(TappedPass pass, List<Target> targets) {
        if (request.method() instanceof MaskingCam masking) {
            return masking.maps(targets, access(pass, null), request.options(), progress);
        }
        return targets.stream().map(t -> map(pass, t)).toList();
    }

    /** The request's map of one pass for {@code target}. */
    float[] map(TappedPass pass, Target target) {
        if (request.method() instanceof MaskingCam) {
            return maps(pass, List.of(target)).get(0);
        }
        if (request.method() instanceof WholeModelCam whole) {
            List<LayerTensors> tensors = pass.layers().stream()
                    .map(l -> tensors(l, pass.outputs().get(l), pass.gradient(l))).toList();
            return whole.combine(tensors, request.eigenSmooth(), access(pass, target));
        }
        return request.method().aggregate(perLayer(pass, target), request.aggregation());
    }

    /** One scaled map per requested layer, not aggregated (what a sweep shows). */
    List<float[]> perLayer(TappedPass pass, Target target) {
        LetterboxResult lb = pass.prepared().letterbox();
        GraphModelAccess access = access(pass, target);
        List<float[]> maps = new ArrayList<>();
        for (String layer : request.layers()) {
            LayerTensors t = tensors(layer, pass.outputs().get(layer), pass.gradient(layer));
            float[] raw = request.method().layerMap(t, request.eigenSmooth(), access, request.options());
            maps.add(CamMath.scaleCam(CamMath.relu(raw), t.height(), t.width(), lb.height(), lb.width()));
        }
        return maps;
    }

    private GraphModelAccess access(TappedPass pass, Target target) {
        return new GraphModelAccess(model, pass.prepared(), target, pass.raw());
    }

    private static LayerTensors tensors(String layer, INDArray activation, INDArray gradient) {
        long[] s = activation.shape();
        if (s.length != 4) {
            throw new YolocamException(null, "layer " + layer + " is not a feature map (shape "
                    + Arrays.toString(s) + "); choose a layer that 'yolocam layers' shows as [1, C, H, W]");
        }
        return new LayerTensors(layer, (int) s[1], (int) s[2], (int) s[3], FloatArrays.values(activation),
                gradient == null ? null : FloatArrays.values(gradient));
    }
}
