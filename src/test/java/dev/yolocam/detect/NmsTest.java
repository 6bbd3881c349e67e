package dev.yolocam.detect;

import dev.yolocam.head.PredictionTable;
import dev.yolocam.head.PredictionField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Edge cases of {@link Nms} that random inputs rarely hit: exact ties, strict thresholds, the max_nms cap. */
class NmsTest {
    private static final int CLASSES = 2;
    private static final int COLUMNS = 5 + CLASSES;

    @Test
    void objectnessEqualToTheThresholdIsNotACandidate() {
        float[] raw = rows(row(50, 50, 20, 20, 0.25f, 1f, 0f), row(150, 50, 20, 20, 0.2501f, 1f, 0f));
        List<Detection> kept = Nms.apply(raw, 2, COLUMNS, NmsOptions.defaults());
        assertEquals(List.of(1), kept.stream().map(Detection::row).toList());
    }

    @Test
    void classScoreMustExceedTheThresholdToo() {
        float[] raw = rows(row(50, 50, 20, 20, 0.9f, 0.25f, 0.2f));
        assertEquals(List.of(), Nms.apply(raw, 1, COLUMNS, NmsOptions.defaults().withConfThreshold(0.3)));
    }

    @Test
    void tiedClassScoresPickTheFirstClass() {
        float[] raw = rows(row(50, 50, 20, 20, 0.9f, 0.7f, 0.7f));
        assertEquals(0, Nms.apply(raw, 1, COLUMNS, NmsOptions.defaults()).get(0).classId());
    }

    @Test
    void tiedScoresKeepRowOrder() {
        float[] raw = rows(row(50, 50, 20, 20, 0.9f, 0.5f, 0f), row(150, 50, 20, 20, 0.9f, 0.5f, 0f),
                row(250, 50, 20, 20, 0.9f, 0.5f, 0f));
        assertEquals(List.of(0, 1, 2),
                Nms.apply(raw, 3, COLUMNS, NmsOptions.defaults()).stream().map(Detection::row).toList());
    }

    /** Boxes [0,10]x[0,10] and [0,10]x[0,20]: IoU exactly 0.5, suppressed only when the threshold is below it. */
    @Test
    void aBoxIsDroppedOnlyWhenIouIsStrictlyAboveTheThreshold() {
        float[] raw = rows(row(5, 5, 10, 10, 0.9f, 1f, 0f), row(5, 10, 10, 20, 0.8f, 1f, 0f));
        assertEquals(2, Nms.apply(raw, 2, COLUMNS, NmsOptions.defaults().withIouThreshold(0.5)).size());
        assertEquals(1, Nms.apply(raw, 2, COLUMNS, NmsOptions.defaults().withIouThreshold(0.49)).size());
    }

    @Test
    void boxesOfDifferentClassesDoNotSuppressEachOtherUnlessAgnostic() {
        float[] raw = rows(row(50, 50, 20, 20, 0.9f, 1f, 0f), row(50, 50, 20, 20, 0.8f, 0f, 1f));
        assertEquals(2, Nms.apply(raw, 2, COLUMNS, NmsOptions.defaults()).size());
        assertEquals(1, Nms.apply(raw, 2, COLUMNS, NmsOptions.defaults().withAgnostic(true)).size());
    }

    /**
     * YOLOv5 keeps only the best {@code max_nms} = 30000 candidates before suppression: a lone class-1 box ranked
     * 30001st is lost even though nothing overlaps it; ranked 30000th it survives.
     */
    @Test
    void candidatesBeyondMaxNmsAreDroppedBeforeSuppression() {
        assertEquals(List.of(0), classesKept(Nms.MAX_NMS));
        assertEquals(List.of(0, 1), classesKept(Nms.MAX_NMS - 1));
    }

    @Test
    void rowsAreCountedFromTheImagesOffsetInABatch() {
        float[] first = rows(row(50, 50, 20, 20, 0.9f, 1f, 0f));
        float[] second = rows(row(10, 10, 4, 4, 0.1f, 1f, 0f), row(80, 80, 20, 20, 0.9f, 0f, 1f));
        float[] batch = new float[first.length + second.length];
        System.arraycopy(first, 0, batch, 0, first.length);
        System.arraycopy(second, 0, batch, first.length, second.length);
        List<Detection> kept = Nms.apply(batch, first.length, 2, COLUMNS, NmsOptions.defaults());
        assertEquals(List.of(new Detection(70, 70, 90, 90, 0.9f, 1, 1)), kept);
    }

    @Test
    void inconsistentShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Nms.apply(new float[13], 2, COLUMNS, NmsOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Nms.apply(new float[10], 2, 5, NmsOptions.defaults()));
    }

    /** {@code crowd} identical class-0 boxes scored 0.9, then one separate class-1 box scored 0.5. */
    private static List<Integer> classesKept(int crowd) {
        float[] raw = new float[(crowd + 1) * COLUMNS];
        for (int i = 0; i < crowd; i++) {
            System.arraycopy(row(50, 50, 20, 20, 0.9f, 1f, 0f), 0, raw, i * COLUMNS, COLUMNS);
        }
        System.arraycopy(row(200, 200, 20, 20, 0.5f, 0f, 1f), 0, raw, crowd * COLUMNS, COLUMNS);
        List<Detection> kept = Nms.apply(raw, crowd + 1, COLUMNS, NmsOptions.defaults());
        assertTrue(kept.size() <= 2);
        return kept.stream().map(Detection::classId).toList();
    }

    private static float[] row(float cx, float cy, float w, float h, float obj, float cls0, float cls1) {
        return new float[] {cx, cy, w, h, obj, cls0, cls1};
    }

    private static float[] rows(float[]... rows) {
        float[] out = new float[rows.length * COLUMNS];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * COLUMNS, COLUMNS);
        }
        return out;
    }

    @Test
    void aFamilyWithoutObjectnessScoresRowsByTheirClassScoreAlone() {
        // rows: x, y, w, h, class 0, class 1 (an anchor-free head's fields; no objectness)
        float[][] rows = {{50, 50, 20, 20, 0.9f, 0.1f}, {52, 50, 20, 20, 0.2f, 0.8f}, {150, 50, 10, 10, 0.1f, 0.2f}};
        PredictionTable table = new PredictionTable() {
            public int rows() {
                return rows.length;
            }

            public int classes() {
                return 2;
            }

            public boolean hasObjectness() {
                return false;
            }

            public float get(int row, PredictionField field) {
                return switch (field.kind()) {
                    case X -> rows[row][0];
                    case Y -> rows[row][1];
                    case W -> rows[row][2];
                    case H -> rows[row][3];
                    case CLASS -> rows[row][4 + field.classId()];
                    case OBJECTNESS -> throw new AssertionError("objectness read from a family without it");
                };
            }

            public int rawIndex(int row, PredictionField field) {
                throw new AssertionError("NMS reads values, not raw positions");
            }

            public int rawLength() {
                return rows.length * 6;
            }
        };
        List<Detection> kept = Nms.apply(table, NmsOptions.defaults());
        assertEquals(2, kept.size(), "row 2's best score 0.2 is below conf 0.25; classes do not suppress each other");
        assertEquals(0, kept.get(0).row());
        assertEquals(0.9f, kept.get(0).confidence());
        assertEquals(1, kept.get(1).classId());
        assertEquals(0.8f, kept.get(1).confidence());
    }
}
