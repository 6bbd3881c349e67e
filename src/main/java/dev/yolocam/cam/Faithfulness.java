package dev.yolocam.cam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers that say whether a map points at what the detector uses, computed with the map's own target:
 * pytorch-grad-cam's CamMultImageConfidenceChange (the target on the image multiplied by the map, minus the
 * target on the image: a map that keeps what matters loses little).
 */
public final class Faithfulness {
    private Faithfulness() {
    }

    public static Map<String, Double> measure(float[] map, ModelAccess model) {
        float[] input = model.input();
        int pixels = model.inputHeight() * model.inputWidth();
        float[] masked = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            masked[i] = input[i] * map[i % pixels];
        }
        double base = model.baseScore();
        double kept = model.scoreInputs(List.of(masked), 1)[0];
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("target", base);
        out.put("target_on_image_times_map", kept);
        out.put("confidence_change", kept - base);
        out.put("relative_confidence_change", base == 0 ? 0.0 : (kept - base) / Math.abs(base));
        return out;
    }
}
