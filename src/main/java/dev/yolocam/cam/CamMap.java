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
 * @param scoring        the map's target as a score of network inputs, for the faithfulness metrics
 * @param metrics        faithfulness numbers of the map, in the order measured; empty until the metrics stage
 *                       ({@code dev.yolocam.metrics.MetricsStage}) has run
 */
public record CamMap(String method, List<String> layers, List<TargetKind> targets, int detectionIndex,
                     List<Detection> explained, MapScoring scoring, int height, int width, float[] input,
                     int originalHeight, int originalWidth, float[] original, Map<String, Double> metrics) {

    /** The target's value on this forward pass. */
    public double targetValue() {
        return scoring.baseScore();
    }

    /** The same map with these metrics. */
    public CamMap withMetrics(Map<String, Double> measured) {
        return new CamMap(method, layers, targets, detectionIndex, explained, scoring, height, width, input,
                originalHeight, originalWidth, original, measured);
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
