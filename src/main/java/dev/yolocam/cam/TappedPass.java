package dev.yolocam.cam;

import dev.yolocam.detect.Detector;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one pass left for one image: its input, the layers it tapped, their activations, their gradients (null
 * after a forward-only pass) and the raw Detect output (null when the pass did not read it).
 */
record TappedPass(Detector.Prepared prepared, List<String> layers, Map<String, INDArray> outputs,
                  Map<String, INDArray> gradients, INDArray raw) {
    INDArray gradient(String layer) {
        return gradients == null ? null : gradients.get(layer);
    }
}
