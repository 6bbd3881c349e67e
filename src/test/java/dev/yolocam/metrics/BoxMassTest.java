package dev.yolocam.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link BoxMass} on synthetic maps and boxes in a 10 x 10 input. */
class BoxMassTest {
    private static final int H = 10;
    private static final int W = 10;
    private final BoxMeanModel scoring = BoxMeanModel.whiteSquare(H, W, 0, 0, 2, 2);
    private final Detection left = box(0, 0, 4, 10);
    private final Detection right = box(6, 0, 10, 10);

    @Test
    void aMapOnItsOwnBoxHasAllItsMassThereAndNoneInTheOthers() {
        Map<String, Double> m = measure(fill(0, 0, 4, 10, 1f), List.of(left), List.of(right));
        assertEquals(1.0, m.get("own_box_mass"), 1e-12);
        assertEquals(0.0, m.get("other_box_mass"), 1e-12);
    }

    @Test
    void massIsTheShareOfTheSumOfValuesNotOfPixels() {
        float[] map = fill(0, 0, 4, 10, 1f);
        addFill(map, 6, 0, 10, 10, 3f);
        // own: 40 pixels x 1, other: 40 pixels x 3, between the boxes: 0.
        Map<String, Double> m = measure(map, List.of(left), List.of(right));
        assertEquals(0.25, m.get("own_box_mass"), 1e-12);
        assertEquals(0.75, m.get("other_box_mass"), 1e-12);
    }

    @Test
    void mapOfSeveralDetectionsCountsTheUnionOfTheirBoxesOnce() {
        float[] map = new float[H * W];
        Arrays.fill(map, 1f);
        Detection overlapping = box(2, 0, 6, 10);
        Map<String, Double> m = measure(map, List.of(left, overlapping), List.of());
        assertEquals(0.6, m.get("own_box_mass"), 1e-12, "columns 0..5 of 10, the overlap counted once");
        assertFalse(m.containsKey("other_box_mass"), "no other detections, no entry");
    }

    @Test
    void aPixelInsideAnOwnAndAnOtherBoxCountsAsOwn() {
        float[] map = new float[H * W];
        Arrays.fill(map, 1f);
        Map<String, Double> m = measure(map, List.of(box(0, 0, 6, 10)), List.of(box(4, 0, 10, 10)));
        assertEquals(0.6, m.get("own_box_mass"), 1e-12);
        assertEquals(0.4, m.get("other_box_mass"), 1e-12, "columns 6..9: the overlap is the map's own");
    }

    @Test
    void aMapWithoutMassOrWithoutExplainedDetectionsHasNoOwnShare() {
        assertEquals(0.0, measure(new float[H * W], List.of(left), List.of(right)).get("own_box_mass"));
        assertEquals(Map.of("other_box_mass", 1.0), measure(fill(6, 0, 10, 10, 1f), List.of(), List.of(right)));
    }

    @Test
    void isCheapAndInTheDefaultMetrics() {
        assertTrue(new BoxMass().cheap());
        assertTrue(MetricSet.cheap().includes("box_mass"));
        Map<String, Double> viaStage = new MetricsStage(MetricSet.cheap(), 4).measure(
                new MetricSubject(fill(0, 0, 4, 10, 1f), scoring, List.of(left), List.of(right), Optional::empty));
        assertEquals(1.0, viaStage.get("own_box_mass"), 1e-12);
        assertEquals(0.0, viaStage.get("other_box_mass"), 1e-12);
    }

    private Map<String, Double> measure(float[] map, List<Detection> explained, List<Detection> others) {
        return new BoxMass().measure(new MetricSubject(map, scoring, explained, others, Optional::empty), 1);
    }

    private static Detection box(float x1, float y1, float x2, float y2) {
        return new Detection(x1, y1, x2, y2, 0.9f, 0, 0);
    }

    private static float[] fill(int x1, int y1, int x2, int y2, float value) {
        float[] map = new float[H * W];
        addFill(map, x1, y1, x2, y2, value);
        return map;
    }

    private static void addFill(float[] map, int x1, int y1, int x2, int y2, float value) {
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                map[y * W + x] = value;
            }
        }
    }
}
