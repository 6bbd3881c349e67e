package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detection;
import dev.yolocam.errors.UsageException;
import dev.yolocam.head.PredictionField;
import dev.yolocam.head.Yolov5Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FinerCAM's target (oracle README 9b): each explained class score minus alpha times the scores of the classes
 * nearest to it in that row.
 */
class FinerCamTest {
    // two rows of x, y, w, h, obj and five classes
    private static final Yolov5Predictions TABLE = new Yolov5Predictions(new float[] {
        10, 10, 4, 4, 0.5f, /* classes */ 0.9f, 0.1f, 0.8f, 0.95f, 0.2f,
        20, 20, 4, 4, 0.8f, /* classes */ 0.3f, 0.6f, 0.3f, 0.0f, 0.6f}, 2, 10);
    private static final Detection ROW0_CLASS0 = new Detection(8, 8, 12, 12, 0.45f, 0, 0);
    private static final Detection ROW1_CLASS1 = new Detection(18, 18, 22, 22, 0.48f, 1, 1);

    @Test
    void subtractsTheNearestClassesOfEachDetectionsRow() {
        Target plain = new Target(List.of(TargetKind.CLASS), List.of(ROW0_CLASS0, ROW1_CLASS1), new int[0]);
        Target finer = finer("FinerCAM:classes=2,alpha=0.5").target(plain);
        // row 0, class 0 (0.9): nearest 3 (0.95), then 2 (0.8); row 1, class 1 (0.6): 4 (0.6), then 0 (0.3, a tie
        // with class 2 decided by the lower index)
        double expected = 0.9 - 0.5 * (0.95 + 0.8) + 0.6 - 0.5 * (0.6 + 0.3);
        assertEquals(expected, finer.value(TABLE), 1e-6);
        float[] gradient = finer.gradient(TABLE);
        assertEquals(-0.5f, gradient[TABLE.rawIndex(0, PredictionField.classScore(3))]);
        assertEquals(0f, gradient[TABLE.rawIndex(0, PredictionField.classScore(1))]);
        assertEquals(-0.5f, gradient[TABLE.rawIndex(1, PredictionField.classScore(0))]);
        assertEquals(0f, gradient[TABLE.rawIndex(1, PredictionField.classScore(2))]);
    }

    @Test
    void theDefaultsAreAlphaOneAndThreeClassesAndPerDetectionTargetsKeepTheContrast() {
        Target finer = finer("FinerCAM").target(new Target(List.of(TargetKind.CLASS),
                List.of(ROW0_CLASS0, ROW1_CLASS1), new int[0]));
        assertEquals(0.9 - (0.95 + 0.8 + 0.2), finer.only(ROW0_CLASS0).value(TABLE), 1e-6);
    }

    @Test
    void moreComparisonClassesThanTheModelHasUsesEveryOtherClass() {
        Target finer = finer("FinerCAM:classes=10").target(new Target(List.of(TargetKind.CLASS_OBJ),
                List.of(ROW0_CLASS0), new int[0]));
        assertEquals(0.5 * (0.9 - (0.1 + 0.8 + 0.95 + 0.2)), finer.value(TABLE), 1e-6);
    }

    @Test
    void aTargetWithoutClassScoresIsRefused() {
        Target box = new Target(List.of(TargetKind.X), List.of(ROW0_CLASS0), new int[0]);
        UsageException e = assertThrows(UsageException.class, () -> finer("FinerCAM").target(box));
        assertTrue(e.getMessage().contains("class or class_obj"), e.getMessage());
    }

    @Test
    void theMapIsGradCamsOfTheContrastedTarget() {
        LayerTensors t = new LayerTensors("layer", 2, 1, 2, new float[] {1, 2, 3, 4}, new float[] {1, 3, -1, 0});
        assertArrayEquals(CamMethods.find("GradCAM").orElseThrow().layerMap(t, false, null, CamOptions.defaults()),
                finer("FinerCAM").layerMap(t, false, null, CamOptions.defaults()), 0f);
    }

    private static CamMethod finer(String spec) {
        return CamMethods.parse(spec).orElseThrow();
    }
}
