package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detection;
import dev.yolocam.errors.UsageException;
import dev.yolocam.head.UltralyticsDetectHead;
import dev.yolocam.head.UltralyticsPredictions;
import dev.yolocam.head.Yolov5DetectHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Targets on an anchor-free (YOLOv8/YOLO11) prediction table, channels first and without objectness: every kind
 * that applies has the central difference of its value as its gradient, the side distances l, t, r, b are the DFL
 * expectations of upstream's {@code dist2bbox}, and the kinds that do not apply are refused in words.
 */
class AnchorFreeTargetProperties {
    private static final int CLASSES = 3;
    private static final float STEP = 1f / 64;
    private static final UltralyticsDetectHead HEAD =
            new UltralyticsDetectHead("model.22", 3, CLASSES, 16, new float[] {8, 16, 32});
    /** A 64 x 64 input: 8x8 + 4x4 + 2x2 rows. */
    private static final PredictionGrid GRID = PredictionGrid.of(HEAD, 64, 64);
    private static final int ROWS = 84;

    @Provide
    Arbitrary<List<TargetKind>> kinds() {
        return Arbitraries.of(TargetKind.values()).filter(k -> !k.needsObjectness()).list().ofMinSize(1)
                .ofMaxSize(4);
    }

    @Property(tries = 60)
    void gradientOfEveryKindIsTheCentralDifferenceOfItsValue(@ForAll("kinds") List<TargetKind> kinds,
                                                              @ForAll @IntRange(min = 0, max = 5) int detections,
                                                              @ForAll boolean mirrored, @ForAll long seed) {
        Random random = new Random(seed);
        float[] raw = new float[ROWS * (4 + CLASSES)];
        for (int i = 0; i < raw.length; i++) {
            // boxes in pixels for the first four channels, probabilities after them; multiples of 1/64 keep
            // raw +- STEP exact
            raw[i] = i < 4 * ROWS ? random.nextInt(64 * 64) / 64f : random.nextInt(64) / 64f;
        }
        List<Detection> rows = new ArrayList<>();
        for (int i = 0; i < detections; i++) {
            rows.add(new Detection(0, 0, 1, 1, 0.5f, random.nextInt(CLASSES), random.nextInt(ROWS)));
        }
        Target target = new Target(kinds, rows, new int[] {random.nextInt(CLASSES)}, mirrored, GRID);
        UltralyticsPredictions table = new UltralyticsPredictions(raw, 0, ROWS, CLASSES);
        float[] gradient = target.gradient(table);
        for (int index = 0; index < raw.length; index += 1 + random.nextInt(7)) {
            float original = raw[index];
            raw[index] = original + STEP;
            double up = target.value(table);
            raw[index] = original - STEP;
            double down = target.value(table);
            raw[index] = original;
            double difference = (up - down) / (2.0 * STEP);
            assertEquals(difference, gradient[index], 1e-6 * Math.max(1, Math.abs(difference)),
                    "d/d(raw[" + index + "]) of " + kinds + (mirrored ? " (mirrored)" : ""));
        }
    }

    /** Row 69 = level 1 (stride 16), cell (1, 0): anchor (1.5, 0.5); box centre (40, 30), size 20 x 10. */
    @Example
    void sideDistancesAreTheDflExpectationsInGridCells() {
        float[] raw = new float[ROWS * (4 + CLASSES)];
        int row = 64 + 1;
        raw[row] = 40;
        raw[ROWS + row] = 30;
        raw[2 * ROWS + row] = 20;
        raw[3 * ROWS + row] = 10;
        UltralyticsPredictions table = new UltralyticsPredictions(raw, 0, ROWS, CLASSES);
        Detection d = new Detection(30, 25, 50, 35, 0.9f, 0, row);
        assertEquals(1.5 - 30 / 16.0, value(TargetKind.L, d, table), 1e-12);
        assertEquals(0.5 - 25 / 16.0, value(TargetKind.T, d, table), 1e-12);
        assertEquals(50 / 16.0 - 1.5, value(TargetKind.R, d, table), 1e-12);
        assertEquals(35 / 16.0 - 0.5, value(TargetKind.B, d, table), 1e-12);
    }

    @Example
    void objectnessAndSideDistancesAreRefusedWhereTheyDoNotApply() {
        UltralyticsPredictions table = new UltralyticsPredictions(new float[ROWS * (4 + CLASSES)], 0, ROWS, CLASSES);
        Detection d = new Detection(0, 0, 1, 1, 0.5f, 0, 3);
        UsageException obj = assertThrows(UsageException.class, () -> value(TargetKind.OBJ, d, table));
        assertTrue(obj.getMessage().contains("objectness"), obj.getMessage());
        PredictionGrid anchored = PredictionGrid.of(new Yolov5DetectHead("model.24", 3, 3, 8, 3,
                new float[] {8, 16, 32}, new float[18]), 64, 64);
        UsageException side = assertThrows(UsageException.class, () -> new Target(List.of(TargetKind.L), List.of(d),
                new int[0], anchored).value(table));
        assertTrue(side.getMessage().contains("anchor-free"), side.getMessage());
    }

    private static double value(TargetKind kind, Detection d, UltralyticsPredictions table) {
        return new Target(List.of(kind), List.of(d), new int[0], GRID).value(table);
    }
}
