package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolocam.detect.Detection;
import dev.yolocam.detect.LabelBox;
import dev.yolocam.detect.Nms;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.head.Yolov5Predictions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every reason a labelled object can be missed, on a hand-made prediction table, and the false positives. */
class MissFinderTest {
    private static final int COLUMNS = 5 + 3;

    /** x, y, w, h, obj, three class probabilities. */
    private static float[] row(float x, float y, float w, float h, float obj, float c0, float c1, float c2) {
        return new float[] {x, y, w, h, obj, c0, c1, c2};
    }

    @Test
    void eachMissGetsItsReasonAndEveryUnmatchedDetectionIsAFalsePositive() {
        float[][] rows = {
            row(30, 30, 40, 40, 0.9f, 0.2f, 0.1f, 0.1f),   // 0: A's row, class 0 at 0.18: below conf
            row(120, 120, 40, 40, 1f, 0.1f, 0.9f, 0.1f),   // 1: kept, class 1, matches B
            row(132, 120, 40, 40, 1f, 0.1f, 0.8f, 0.1f),   // 2: C's row, class 1 at 0.8, suppressed by row 1
            row(220, 30, 40, 40, 1f, 0.9f, 0.1f, 0.3f),    // 3: D's row, class 0 wins: kept, a false positive
            row(300, 200, 20, 20, 0.01f, 0.5f, 0.1f, 0.1f) // 4: background
        };
        float[] raw = new float[rows.length * COLUMNS];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, raw, r * COLUMNS, COLUMNS);
        }
        Yolov5Predictions table = new Yolov5Predictions(raw, rows.length, COLUMNS);
        NmsOptions nms = NmsOptions.defaults();
        List<Detection> kept = Nms.apply(table, nms);
        assertEquals(List.of(1, 3), kept.stream().map(Detection::row).toList());
        List<LabelBox> labels = List.of(
                new LabelBox(0, 10, 10, 50, 50),      // A
                new LabelBox(1, 100, 100, 140, 140),  // B: found
                new LabelBox(1, 120, 100, 160, 140),  // C: IoU 0.33 with the kept box, 0.67 with row 2
                new LabelBox(2, 200, 10, 240, 50),    // D
                new LabelBox(0, 250, 250, 260, 260)); // E: nothing near

        LabelCheck check = new MissFinder(nms).check(table, kept, labels, labels);

        assertEquals(5, check.labels());
        List<Miss> misses = check.misses();
        assertEquals(List.of(MissReason.BELOW_CONF, MissReason.NMS, MissReason.WRONG_CLASS, MissReason.NO_CANDIDATE),
                misses.stream().map(Miss::reason).toList());
        assertEquals(List.of(labels.get(0), labels.get(2), labels.get(3), labels.get(4)),
                misses.stream().map(Miss::label).toList());
        assertEquals(0, misses.get(0).row());
        assertEquals(0.9f * 0.2f, misses.get(0).score());
        assertEquals(2, misses.get(1).row());
        assertEquals(0, misses.get(1).by(), "suppressed by the first kept detection");
        assertEquals(3, misses.get(2).row());
        assertEquals(0, misses.get(2).by(), "class 0 won");
        assertEquals(0.0, misses.get(3).iou(), "no row overlaps E");
        assertEquals(Set.of(1), check.falsePositives());
        assertEquals(Set.of(0), check.matches().keySet());
        assertEquals(labels.get(1), check.matches().get(0).label());
        assertEquals(1, check.matches().get(0).index());
    }

    @Test
    void twoDetectionsOfOneObjectMatchItOnceTheLessConfidentIsAFalsePositive() {
        Detection first = new Detection(100, 100, 140, 140, 0.9f, 0, 0);
        Detection second = new Detection(102, 100, 142, 140, 0.6f, 0, 1);
        Yolov5Predictions table = new Yolov5Predictions(new float[COLUMNS], 1, COLUMNS);
        List<LabelBox> labels = List.of(new LabelBox(0, 100, 100, 140, 140));

        LabelCheck check = new MissFinder(NmsOptions.defaults()).check(table, List.of(first, second), labels, labels);

        assertEquals(List.of(), check.misses());
        assertEquals(Set.of(1), check.falsePositives());
        assertEquals(1.0, check.matches().get(0).iou(), 1e-9);
    }
}
