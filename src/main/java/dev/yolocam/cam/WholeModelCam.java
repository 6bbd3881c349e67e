package dev.yolocam.cam;

import dev.yolocam.graph.GraphBuilder;
import dev.yolocam.graph.LayerInfo;
import java.util.List;

/**
 * A method that explains with layers of its own choosing rather than the requested target layers, and combines
 * their tensors into the final map itself (FullGrad: every bias layer plus the input, summed). The engine taps
 * exactly {@link #layers}, runs the usual one forward and one backward, and hands their tensors to
 * {@link #combine} in place of its per-layer scaling and aggregation; keep-top, renormalisation and the metrics
 * follow as for any map. Such a method has no per-layer sweep.
 */
public interface WholeModelCam extends CamMethod {
    /**
     * The layers whose activation and gradient the method needs, chosen from the model's layer table; may include
     * {@link GraphBuilder#INPUT_TAP} for the input image and its gradient.
     */
    List<String> layers(List<LayerInfo> allLayers);

    /**
     * The final map, {@code inputHeight x inputWidth} values in [0, 1], from the tensors of {@link #layers} (in
     * that order).
     */
    float[] combine(List<LayerTensors> tensors, boolean eigenSmooth, ModelAccess model);
}
