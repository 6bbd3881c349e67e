package dev.yolocam.cam;

import dev.yolocam.detect.Detection;
import java.util.List;
import java.util.Map;

/**
 * One class-activation map. {@code input} is (H, W) in the network-input frame, exactly what pytorch-grad-cam
 * returns; {@code original} is (H0, W0) with the letterbox undone. Values lie in [0, 1].
 *
 * @param detectionIndex the explained detection in per-detection mode, -1 for a map of all selected detections
 * @param explained      the detections whose rows the target used (empty for class_all-only targets)
 * @param targetValue    the target's value on this forward pass
 * @param metrics        faithfulness numbers of the map (see {@link Faithfulness})
 */
public record CamMap(String method, List<String> layers, List<TargetKind> targets, int detectionIndex,
                     List<Detection> explained, double targetValue, int height, int width, float[] input,
                     int originalHeight, int originalWidth, float[] original, Map<String, Double> metrics) {

    /** The same map with {@code first} ahead of its metrics. */
    public CamMap withLeadingMetrics(Map<String, Double> first) {
        Map<String, Double> merged = new java.util.LinkedHashMap<>(first);
        merged.putAll(metrics);
        return new CamMap(method, layers, targets, detectionIndex, explained, targetValue, height, width, input,
                originalHeight, originalWidth, original, merged);
    }

    public float min() {
        float m = Float.POSITIVE_INFINITY;
        for (float v : input) {
            m = Math.min(m, v);
        }
        return m;
    }

    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : input) {
            m = Math.max(m, v);
        }
        return m;
    }
}
