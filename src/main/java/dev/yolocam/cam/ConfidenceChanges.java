package dev.yolocam.cam;

import dev.yolocam.graph.FloatArrays;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.model.YoloModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The confidence-change metric of many maps at once: every masked image (input times its map) goes through the
 * network in passes of {@code passSize}, each scored with its own map's target. One pass for a batch's maps instead
 * of one per map.
 */
final class ConfidenceChanges {
    /** One map to measure: the image (its letterboxed input), the map's target, the map, the target's base value. */
    record Item(Detector.Prepared image, Target target, float[] map, double baseScore) {
    }

    private ConfidenceChanges() {
    }

    /** The entries {@link Faithfulness} names for the confidence change, one map per item, in the items' order. */
    static List<Map<String, Double>> measure(YoloModel model, List<Item> items, int passSize) {
        List<Map<String, Double>> out = new ArrayList<>();
        if (items.isEmpty()) {
            return out;
        }
        int h = items.get(0).image().letterbox().height();
        int w = items.get(0).image().letterbox().width();
        YoloGraph graph = model.graph(GraphSpec.forward(h, w).withBatch(passSize));
        int per = 3 * h * w;
        for (int start = 0; start < items.size(); start += passSize) {
            int n = Math.min(passSize, items.size() - start);
            float[] inputs = new float[passSize * per];
            for (int i = 0; i < n; i++) {
                Item item = items.get(start + i);
                float[] masked = Faithfulness.maskedInput(item.image().letterbox().input(), item.map(), h * w);
                System.arraycopy(masked, 0, inputs, i * per, per);
            }
            INDArray raw = graph.predict(FloatArrays.of(inputs, passSize, 3, h, w));
            for (int i = 0; i < n; i++) {
                Item item = items.get(start + i);
                float[] rows = FloatArrays.values(ImageBatch.item(raw, i));
                double kept = item.target().value(rows, (int) raw.size(1), (int) raw.size(2));
                out.add(Faithfulness.confidenceChange(item.baseScore(), kept));
            }
        }
        return out;
    }
}
