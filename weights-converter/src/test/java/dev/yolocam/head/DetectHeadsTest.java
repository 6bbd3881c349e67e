package dev.yolocam.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.ModelFamilies;
import dev.yolocam.torch.ModelFamily;
import dev.yolocam.torch.ModuleNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every registered family's head can be read, and each head reads its own raw layout. */
class DetectHeadsTest {
    @Test
    void everyDetectHeadClassOfARegisteredFamilyHasAReader() {
        for (ModelFamily family : ModelFamilies.REGISTERED.families()) {
            for (String head : family.detectHeadClasses()) {
                assertTrue(DetectHeads.isHead(head), family.name() + ": " + head);
            }
        }
    }

    @Test
    void anUltralyticsOutputIsReadChannelsFirst() {
        UltralyticsDetectHead head = new UltralyticsDetectHead("model.22", 3, 2, 16, new float[] {8, 16, 32});
        int rows = 3;
        // (4 + 2) x 3: field f of row r at f * 3 + r
        float[] raw = {10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42, .1f, .2f, .3f, .4f, .5f, .6f};
        PredictionTable table = head.predictions(raw, 0, rows);
        assertEquals(21f, table.get(1, PredictionField.Y));
        assertEquals(.6f, table.get(2, PredictionField.classScore(1)));
        assertEquals(16, table.rawIndex(1, PredictionField.classScore(1)));
        assertEquals(false, table.hasObjectness());
        assertThrows(IllegalArgumentException.class, () -> table.get(0, PredictionField.OBJECTNESS));
        assertArrayEquals(new long[] {2, 6, 3}, head.outputShape(2, 3));
        assertEquals(3, head.rows(head.outputShape(2, 3)));
        assertEquals(40 * 40 + 20 * 20 + 10 * 10, head.rows(320, 320));
        assertEquals(0.7, head.postprocessing().defaultIou());
    }

    @Test
    void aYolov5OutputIsReadRowMajor() {
        Yolov5DetectHead head = new Yolov5DetectHead("model.24", 3, 3, 7, 2, new float[] {8, 16, 32}, new float[18]);
        float[] raw = new float[14];
        raw[7 + 5 + 1] = 0.9f;
        assertEquals(0.9f, head.predictions(raw, 0, 2).get(1, PredictionField.classScore(1)));
        assertArrayEquals(new long[] {1, 2, 7}, head.outputShape(1, 2));
        assertEquals(3 * (40 * 40 + 20 * 20 + 10 * 10), head.rows(320, 320));
        assertEquals(0.45, head.postprocessing().defaultIou());
    }

    @Test
    void anUnknownHeadClassIsRefusedNamingTheKnownOnes() {
        ModuleNode detect = new ModuleNode("model.9", "models.common.Detect", 0, Map.of(), Map.of(), Map.of(),
                Map.of());
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> DetectHeads.of(detect, null));
        assertTrue(e.getMessage().contains("models.yolo.Detect or ultralytics.nn.modules.head.Detect"),
                e.getMessage());
    }
}
