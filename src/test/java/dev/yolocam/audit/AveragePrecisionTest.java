package dev.yolocam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * AP50 as YOLOv5 v7.0's {@code compute_ap} (method 'interp'). The expected values of the longer curves are what
 * numpy gives for the same curves with that function's code.
 */
class AveragePrecisionTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void aHandComputedCurve() {
        // recall 0.5, 0.5, 1; precision 1, 0.5, 2/3; envelope 1 up to recall 0.5, then 2/3, and 0 at recall 1.
        // Samples: 1 at 0 .. 0.49, 2/3 at 0.5 .. 0.99, 0 at 1. Area: 0.49 + 0.01 * (1 + 2/3) / 2 + 0.49 * 2/3
        // + 0.01 * (2/3) / 2.
        double expected = 0.49 + 0.01 * (1 + 2 / 3.0) / 2 + 0.49 * 2 / 3.0 + 0.01 * (2 / 3.0) / 2;
        assertEquals(expected, AveragePrecision.of(new boolean[]{true, false, true}, 2), TOLERANCE);
        assertEquals(0.8283333333333331, AveragePrecision.of(new boolean[]{true, false, true}, 2), TOLERANCE);
    }

    @Test
    void knownCurvesGiveNumpysValues() {
        assertEquals(0.5120000000000001,
                AveragePrecision.of(new boolean[]{false, true, false, true, true, false}, 4), TOLERANCE);
        assertEquals(0.6391500000000001, AveragePrecision.of(new boolean[]{true, false, true, false}, 3), TOLERANCE);
    }

    @Property
    void aPerfectDetectorScoresYolov5sMaximumOf0995(@ForAll @IntRange(min = 1, max = 200) int objects) {
        // YOLOv5's end sentinel (recall 1, precision 0) makes the sample at recall 1.0 read 0: half a step lost.
        boolean[] all = new boolean[objects];
        java.util.Arrays.fill(all, true);
        assertEquals(0.995, AveragePrecision.of(all, objects), TOLERANCE);
    }

    @Test
    void halfTheObjectsFoundPerfectlyIsAboutHalf() {
        // precision 1 up to recall 0.5, then the line from (0.5, 1) to the sentinel (1, 0).
        double ap = AveragePrecision.of(new boolean[]{true}, 2);
        double expected = 0;
        for (int s = 0; s < 100; s++) {
            double a = s / 100.0;
            double b = (s + 1) / 100.0;
            expected += 0.01 * (line(a) + line(b)) / 2;
        }
        assertEquals(expected, ap, 1e-9);
    }

    private static double line(double recall) {
        return recall <= 0.5 ? 1 : 1 - (recall - 0.5) / 0.5;
    }

    @Test
    void noLabelsNoDetectionsOrOnlyFalsePositivesScoreZero() {
        assertEquals(0, AveragePrecision.of(new boolean[]{true}, 0));
        assertEquals(0, AveragePrecision.of(new boolean[0], 3));
        assertEquals(0, AveragePrecision.of(new boolean[]{false, false}, 3), TOLERANCE);
    }

    @Test
    void interpolationAtARepeatedRecallTakesTheLastRepeatAsNumpyDoes() {
        double[] xp = {0, 0.5, 0.5, 1};
        double[] fp = {1, 0.9, 0.6, 0};
        assertEquals(0.6, AveragePrecision.interpolate(0.5, xp, fp));
        assertEquals(0.3, AveragePrecision.interpolate(0.75, xp, fp), TOLERANCE);
        assertEquals(1, AveragePrecision.interpolate(0, xp, fp));
        assertEquals(0, AveragePrecision.interpolate(1, xp, fp));
    }

    @Property
    void apLiesBetweenZeroAnd0995(@ForAll @Size(max = 60) boolean[] curve,
                                  @ForAll @IntRange(min = 0, max = 80) int extraLabels) {
        int tp = 0;
        for (boolean b : curve) {
            tp += b ? 1 : 0;
        }
        double ap = AveragePrecision.of(curve, tp + extraLabels);
        assertTrue(ap >= 0 && ap <= 0.995 + TOLERANCE, "AP " + ap);
    }

    @Property
    void aFalsePositiveAtTheLowestConfidenceNeverRaisesAp(@ForAll @Size(max = 60) boolean[] curve,
                                                            @ForAll @IntRange(min = 0, max = 20) int extraLabels) {
        int tp = 0;
        for (boolean b : curve) {
            tp += b ? 1 : 0;
        }
        boolean[] longer = java.util.Arrays.copyOf(curve, curve.length + 1);
        assertTrue(AveragePrecision.of(longer, tp + extraLabels)
                <= AveragePrecision.of(curve, tp + extraLabels) + TOLERANCE);
    }
}
