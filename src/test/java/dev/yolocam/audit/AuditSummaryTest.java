package dev.yolocam.audit;

import static dev.yolocam.audit.Rows.below;
import static dev.yolocam.audit.Rows.fp;
import static dev.yolocam.audit.Rows.miss;
import static dev.yolocam.audit.Rows.tp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class AuditSummaryTest {
    private static final AuditSettings SETTINGS = new AuditSettings(Map.of("conf", "0.25"));

    /** Class 0 "circle": 3 kept TPs, 1 kept FP, 1 miss (found below --conf), 1 FP below --conf. */
    private static List<AuditRow> circles() {
        return List.of(
                tp("a.png", 0, 0, "circle", 0.9, 0.8, true),
                tp("a.png", 1, 0, "circle", 0.7, 0.3, false),
                fp("b.png", 0, 0, "circle", 0.6, 0.1),
                tp("c.png", 0, 0, "circle", 0.5, 1.0, true),
                miss("c.png", 1, 0, "circle", "below_conf"),
                below("c.png", 1, Outcome.TP, 0, "circle", 0.2),
                below("b.png", 1, Outcome.FP, 0, "circle", 0.1));
    }

    @Test
    void precisionAndRecallCountKeptRowsOnly() {
        ClassSummary c = AuditSummary.of(SETTINGS, 3, circles()).classes().get(0);
        assertEquals(List.of(0, "circle", 4, 3, 1, 1), List.of(c.classId(), c.className(), c.labels(), c.tp(), c.fp(),
                c.misses()));
        assertEquals(0.75, c.precision());
        assertEquals(0.75, c.recall());
    }

    @Test
    void ap50RanksEveryDetectionRowIncludingThoseBelowConf() {
        ClassSummary c = AuditSummary.of(SETTINGS, 3, circles()).classes().get(0);
        // confidence order 0.9 0.7 0.6 0.5 0.2 0.1: T T F T T F, four labels
        assertEquals(AveragePrecision.of(new boolean[]{true, true, false, true, true, false}, 4), c.ap50(), 1e-15);
    }

    @Test
    void mapMeasuresComeFromKeptTruePositivesAndFalsePositivesSeparately() {
        ClassSummary c = AuditSummary.of(SETTINGS, 3, circles()).classes().get(0);
        assertEquals((0.8 + 0.3 + 1.0) / 3, c.meanOwnBoxMassTp(), 1e-15);
        assertEquals(0.1, c.meanOwnBoxMassFp(), 1e-15);
        assertEquals(1 / 3.0, c.wrongReasonShare(), 1e-15);
        assertEquals(2 / 3.0, c.pointingHitRate(), 1e-15);
        assertEquals(List.of(0, 0, 0, 1, 0, 0, 0, 0, 1, 1), c.ownBoxMassHistogram());
    }

    @Test
    void aMassOfExactlyOneHalfIsNotRightForTheWrongReason() {
        ClassSummary c = AuditSummary.of(SETTINGS, 1, List.of(
                tp("a", 0, 0, "x", 0.9, 0.5, true), tp("a", 1, 0, "x", 0.8, 0.49, true))).classes().get(0);
        assertEquals(0.5, c.wrongReasonShare());
    }

    @Test
    void histogramEdgesOpenOnTheRightExceptTheLastBinWhichHoldsOne() {
        for (int k = 0; k < 10; k++) {
            assertEquals(k, MassHistogram.bin(k / 10.0), "mass " + k / 10.0);
            assertEquals(k, MassHistogram.bin(Math.nextDown((k + 1) / 10.0)), "just below " + (k + 1) / 10.0);
        }
        assertEquals(9, MassHistogram.bin(1.0));
        assertEquals(0, MassHistogram.bin(-0.2));
        assertEquals(9, MassHistogram.bin(1.3));
    }

    @Property
    void everyMassLandsInTheBinWhoseEdgesHoldIt(@ForAll @DoubleRange(min = 0, max = 1) double mass) {
        int bin = MassHistogram.bin(mass);
        assertEquals(true, MassHistogram.lowerEdge(bin) <= mass, "lower edge of " + bin);
        assertEquals(true, bin == 9 || mass < MassHistogram.lowerEdge(bin + 1), "upper edge of " + bin);
    }

    @Test
    void aClassWithoutLabelsHasNoRecallNoApAndStaysOutOfMap50() {
        List<AuditRow> rows = new ArrayList<>(circles());
        rows.add(fp("d.png", 0, 2, "square", 0.8, 0.4));
        AuditSummary s = AuditSummary.of(SETTINGS, 4, rows);
        ClassSummary square = s.classes().get(1);
        assertEquals(List.of(2, 0, 0, 1, 0), List.of(square.classId(), square.labels(), square.tp(), square.fp(),
                square.misses()));
        assertEquals(0.0, square.precision());
        assertNull(square.recall());
        assertNull(square.ap50());
        assertNull(square.meanOwnBoxMassTp());
        assertNull(square.wrongReasonShare());
        assertEquals(s.classes().get(0).ap50(), s.map50());
    }

    @Test
    void aClassOnlyMissedHasApZeroNoPrecisionAndCountsInMap50() {
        List<AuditRow> rows = new ArrayList<>(circles());
        rows.add(miss("d.png", 0, 1, "triangle", "no_candidate"));
        AuditSummary s = AuditSummary.of(SETTINGS, 4, rows);
        ClassSummary triangle = s.classes().get(1);
        assertEquals(1, triangle.labels());
        assertNull(triangle.precision());
        assertEquals(0.0, triangle.recall());
        assertEquals(0.0, triangle.ap50());
        assertEquals(s.classes().get(0).ap50() / 2, s.map50(), 1e-15);
    }

    @Test
    void aClassSeenOnlyBelowConfAndNeverLabelledIsNotListed() {
        List<AuditRow> rows = new ArrayList<>(circles());
        rows.add(below("d.png", 0, Outcome.FP, 5, "star", 0.05));
        AuditSummary s = AuditSummary.of(SETTINGS, 4, rows);
        assertEquals(List.of(0), s.classes().stream().map(ClassSummary::classId).toList());
        assertEquals(3, s.detectionsBelowConf());
    }

    @Test
    void totalsCountErrorRowsAndKeptRows() {
        List<AuditRow> rows = new ArrayList<>(circles());
        rows.add(AuditRow.failed("broken.jpg", "not an image"));
        AuditSummary s = AuditSummary.of(SETTINGS, 4, rows);
        assertEquals(List.of(4, 1, 4, 2, 3, 1, 1, 4), List.of(s.images(), s.errors(), s.detections(),
                s.detectionsBelowConf(), s.tp(), s.fp(), s.misses(), s.labels()));
        assertEquals(s.classes().get(0).ap50(), s.map50());
    }

    @Test
    void noRowsGiveNoClassesAndNoMap50() {
        AuditSummary s = AuditSummary.of(SETTINGS, 0, List.of());
        assertEquals(List.of(), s.classes());
        assertNull(s.map50());
        assertNull(s.toJson().get("map50"));
    }

    @Test
    void jsonHasSnakeCaseKeysInAFixedOrderSettingsFirst() {
        Map<String, Object> json = AuditSummary.of(SETTINGS, 3, circles()).toJson();
        assertEquals(List.of("settings", "images", "errors", "detections", "detections_below_conf", "tp", "fp",
                "misses", "labels", "map50", "classes"), List.copyOf(json.keySet()));
        assertEquals(Map.of("conf", "0.25"), json.get("settings"));
        @SuppressWarnings("unchecked")
        Map<String, Object> circle = ((List<Map<String, Object>>) json.get("classes")).get(0);
        assertEquals(List.of("class_id", "class_name", "labels", "tp", "fp", "misses", "precision", "recall",
                "ap50", "mean_own_box_mass_tp", "mean_own_box_mass_fp", "wrong_reason_share", "pointing_hit_rate",
                "own_box_mass_histogram"), List.copyOf(circle.keySet()));
    }

    @Property(tries = 50)
    void rowOrderDoesNotChangeTheSummary(@ForAll long seed) {
        List<AuditRow> rows = new ArrayList<>(circles());
        rows.add(fp("d.png", 0, 2, "square", 0.6, 0.4));
        rows.add(tp("d.png", 1, 2, "square", 0.6, 0.7, true));
        rows.add(tp("e.png", 0, 0, "circle", 0.7, 0.123456789, false));
        rows.add(AuditRow.failed("broken.jpg", "not an image"));
        AuditSummary expected = AuditSummary.of(SETTINGS, 6, rows);
        Collections.shuffle(rows, new Random(seed));
        assertEquals(expected, AuditSummary.of(SETTINGS, 6, rows));
    }
}
