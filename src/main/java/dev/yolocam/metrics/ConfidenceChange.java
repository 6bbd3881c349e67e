package dev.yolocam.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pytorch-grad-cam's CamMultImageConfidenceChange: the target on the image multiplied by the map, minus the target
 * on the image (and that over |target|); a map that keeps what matters loses little. One masked image per map, the
 * masked images of a whole batch scored in shared passes rather than one pass per map. Entries {@code target},
 * {@code target_on_image_times_map}, {@code confidence_change}, {@code relative_confidence_change}.
 */
public final class ConfidenceChange implements Metric {
    @Override
    public String name() {
        return "confidence_change";
    }

    @Override
    public boolean cheap() {
        return true;
    }

    @Override
    public List<Map<String, Double>> measure(MetricBatch batch) {
        List<float[]> masked = batch.maps().stream().map(ConfidenceChange::maskedInput).toList();
        double[] kept = batch.scoreOnePerMap(masked);
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            out.add(entries(batch.maps().get(i).scoring().baseScore(), kept[i]));
        }
        return out;
    }

    /** The metric's input: every channel of the (3, H, W) input times the (H, W) map. */
    private static float[] maskedInput(MetricSubject subject) {
        float[] input = subject.scoring().input();
        float[] map = subject.map();
        float[] masked = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            masked[i] = input[i] * map[i % map.length];
        }
        return masked;
    }

    private static Map<String, Double> entries(double base, double kept) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("target", base);
        out.put("target_on_image_times_map", kept);
        out.put("confidence_change", kept - base);
        out.put("relative_confidence_change", base == 0 ? 0.0 : (kept - base) / Math.abs(base));
        return out;
    }
}
