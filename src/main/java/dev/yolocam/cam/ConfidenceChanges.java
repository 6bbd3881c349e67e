package dev.yolocam.cam;

import dev.yolocam.detect.Detector;
import dev.yolocam.model.YoloModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The confidence-change metric of many maps at once: every masked image (input times its map) goes through the
 * network in passes of {@code passSize}, each scored with its own map's target ({@link GraphModelAccess#scoreEach}).
 * One pass for a batch's maps instead of one per map.
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
        List<float[]> masked = items.stream()
                .map(i -> Faithfulness.maskedInput(i.image().letterbox().input(), i.map(), h * w)).toList();
        double[] kept = GraphModelAccess.scoreEach(model, h, w, masked, items.stream().map(Item::target).toList(),
                passSize);
        for (int i = 0; i < items.size(); i++) {
            out.add(Faithfulness.confidenceChange(items.get(i).baseScore(), kept[i]));
        }
        return out;
    }
}
