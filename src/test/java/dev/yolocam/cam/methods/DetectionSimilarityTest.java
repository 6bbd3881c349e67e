package dev.yolocam.cam.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolocam.detect.Detection;
import dev.yolocam.head.UltralyticsPredictions;
import dev.yolocam.head.Yolov5Predictions;
import org.junit.jupiter.api.Test;

/** D-RISE's mask weight, max over rows of IoU x cos(one-hot, class probabilities) x objectness, on small tables. */
class DetectionSimilarityTest {
    /** A 40 x 40 box at (10, 10) of class 1. */
    private static final Detection TARGET = new Detection(10, 10, 50, 50, 0.9f, 1, 0);

    @Test
    void weightIsIouTimesCosineTimesObjectnessOfTheBestRow() {
        Yolov5Predictions table = new Yolov5Predictions(new float[] {
            // the target's own box, objectness 0.8, classes (0.3, 0.4, 0): cos = 0.4 / 0.5
            30, 30, 40, 40, 0.8f, 0.3f, 0.4f, 0f,
            // shifted right by 20: IoU = 20*40 / (2*1600 - 800) = 1/3, pure class 1, objectness 1
            50, 30, 40, 40, 1f, 0f, 0.9f, 0f,
            // a box elsewhere, no overlap
            200, 200, 40, 40, 1f, 0f, 1f, 0f}, 3, 8);
        double own = 1.0 * (0.4 / 0.5) * 0.8;
        double shifted = (1.0 / 3) * 1.0 * 1.0;
        assertEquals(Math.max(own, shifted), DetectionSimilarity.weight(TARGET, table), 1e-6);
    }

    @Test
    void rowsWithoutTheTargetClassOrOverlapWeighNothing() {
        Yolov5Predictions table = new Yolov5Predictions(new float[] {
            30, 30, 40, 40, 1f, 0.9f, 0f, 0.5f,
            300, 300, 40, 40, 1f, 0f, 1f, 0f}, 2, 8);
        assertEquals(0, DetectionSimilarity.weight(TARGET, table));
    }

    @Test
    void iouOfCornersAndCentreSizeBoxes() {
        Yolov5Predictions table = new Yolov5Predictions(new float[] {
            30, 30, 40, 40, 1, 1, 1, 1,
            40, 40, 40, 40, 1, 1, 1, 1,
            30, 30, 20, 20, 1, 1, 1, 1}, 3, 8);
        assertEquals(1.0, DetectionSimilarity.iou(TARGET, table, 0), 1e-9);
        assertEquals(900.0 / (3200 - 900), DetectionSimilarity.iou(TARGET, table, 1), 1e-9);
        assertEquals(400.0 / 1600, DetectionSimilarity.iou(TARGET, table, 2), 1e-9);
    }

    /** Without objectness (YOLOv8) the row's highest class score stands in for it. */
    @Test
    void familyWithoutObjectnessUsesTheRowsHighestClassScore() {
        // channels first: x, y, w, h, class 0, class 1 for two rows
        UltralyticsPredictions table = new UltralyticsPredictions(new float[] {
            30, 30,
            30, 30,
            40, 40,
            40, 40,
            0.003f, 0f,
            0.004f, 0.6f}, 0, 2, 2);
        double background = 1.0 * (0.004 / 0.005) * 0.004;
        double confident = 1.0 * 1.0 * 0.6;
        assertEquals(Math.max(background, confident), DetectionSimilarity.weight(TARGET, table), 1e-6);
    }
}
