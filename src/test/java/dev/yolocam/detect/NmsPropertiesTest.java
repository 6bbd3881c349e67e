package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link Nms} on random predictions (see {@link RawPredictions}). */
class NmsPropertiesTest {

    @Provide
    Arbitrary<RawPredictions> predictions() {
        return RawPredictions.arbitrary();
    }

    @Provide
    Arbitrary<Double> confThresholds() {
        return Arbitraries.of(0.001, 0.1, 0.25, 0.5);
    }

    @Provide
    Arbitrary<Double> iouThresholds() {
        return Arbitraries.of(0.0, 0.3, 0.45, 0.7, 1.0);
    }

    @Property
    void noTwoKeptBoxesOfOneClassOverlapMoreThanTheIouThreshold(@ForAll("predictions") RawPredictions raw,
            @ForAll("confThresholds") double conf, @ForAll("iouThresholds") double iou) {
        List<Detection> kept = raw.nms(NmsOptions.defaults().withConfThreshold(conf).withIouThreshold(iou));
        for (int i = 0; i < kept.size(); i++) {
            for (int j = i + 1; j < kept.size(); j++) {
                if (kept.get(i).classId() == kept.get(j).classId()) {
                    assertTrue(iou(kept.get(i), kept.get(j)) <= iou, kept.get(i) + " vs " + kept.get(j));
                }
            }
        }
    }

    @Property
    void agnosticNmsKeepsNoOverlappingPairAcrossClasses(@ForAll("predictions") RawPredictions raw,
            @ForAll("iouThresholds") double iou) {
        List<Detection> kept = raw.nms(NmsOptions.defaults().withIouThreshold(iou).withAgnostic(true));
        for (int i = 0; i < kept.size(); i++) {
            for (int j = i + 1; j < kept.size(); j++) {
                assertTrue(iou(kept.get(i), kept.get(j)) <= iou, kept.get(i) + " vs " + kept.get(j));
            }
        }
    }

    @Property
    void everyKeptScoreAndObjectnessExceedTheConfThreshold(@ForAll("predictions") RawPredictions raw,
            @ForAll("confThresholds") double conf) {
        for (Detection d : raw.nms(NmsOptions.defaults().withConfThreshold(conf))) {
            assertTrue(d.confidence() > (float) conf, d.toString());
            assertTrue(raw.value(d.row(), 4) > (float) conf, d.toString());
        }
    }

    @Property
    void detectionsAreSortedByDescendingConfidence(@ForAll("predictions") RawPredictions raw,
            @ForAll("confThresholds") double conf) {
        List<Detection> kept = raw.nms(NmsOptions.defaults().withConfThreshold(conf));
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i - 1).confidence() >= kept.get(i).confidence());
        }
    }

    @Property
    void eachDetectionIsItsRawRowAsCornersWithTheBestClassScore(@ForAll("predictions") RawPredictions raw) {
        for (Detection d : raw.nms(NmsOptions.defaults().withConfThreshold(0.001))) {
            int r = d.row();
            float obj = raw.value(r, 4);
            int best = 0;
            for (int k = 1; k < raw.classes(); k++) {
                if (raw.value(r, 5 + k) > raw.value(r, 5 + best)) {
                    best = k;
                }
            }
            assertEquals(best, d.classId());
            assertEquals(raw.value(r, 5 + best) * obj, d.confidence());
            assertEquals(raw.value(r, 0) - raw.value(r, 2) / 2, d.x1());
            assertEquals(raw.value(r, 1) - raw.value(r, 3) / 2, d.y1());
            assertEquals(raw.value(r, 0) + raw.value(r, 2) / 2, d.x2());
            assertEquals(raw.value(r, 1) + raw.value(r, 3) / 2, d.y2());
        }
    }

    /** Greedy completeness: a candidate is missing from the output only because a kept box of its class hides it. */
    @Property
    void everyDroppedCandidateOverlapsAHigherScoredKeptBoxOfItsClass(@ForAll("predictions") RawPredictions raw,
            @ForAll("confThresholds") double conf, @ForAll("iouThresholds") double iou) {
        List<Detection> kept = raw.nms(NmsOptions.defaults().withConfThreshold(conf).withIouThreshold(iou));
        List<Detection> candidates = raw.nms(NmsOptions.defaults().withConfThreshold(conf).withIouThreshold(1.0));
        for (Detection c : candidates) {
            if (kept.stream().anyMatch(k -> k.row() == c.row())) {
                continue;
            }
            assertTrue(kept.stream().anyMatch(k -> k.classId() == c.classId()
                            && k.confidence() >= c.confidence() && iou(k, c) > iou),
                    "dropped without a reason: " + c);
        }
    }

    @Property
    void nmsIsIdempotent(@ForAll("predictions") RawPredictions raw, @ForAll("confThresholds") double conf,
            @ForAll("iouThresholds") double iou) {
        NmsOptions options = NmsOptions.defaults().withConfThreshold(conf).withIouThreshold(iou);
        List<Detection> once = raw.nms(options);
        List<Detection> twice = RawPredictions.fromDetections(once, raw.classes()).nms(options);
        assertEquals(withoutRows(once), withoutRows(twice));
    }

    @Property
    void maxDetKeepsAPrefixOfTheFullResult(@ForAll("predictions") RawPredictions raw) {
        List<Detection> all = raw.nms(NmsOptions.defaults().withConfThreshold(0.001));
        for (int maxDet : new int[] {0, 1, 5, 20}) {
            List<Detection> limited = raw.nms(NmsOptions.defaults().withConfThreshold(0.001).withMaxDet(maxDet));
            assertEquals(all.subList(0, Math.min(maxDet, all.size())), limited);
        }
    }

    /** Suppression is per class, so filtering classes before NMS (as YOLOv5 does) equals filtering after it. */
    @Property
    void classFilterEqualsFilteringTheUnfilteredResult(@ForAll("predictions") RawPredictions raw) {
        int[] wanted = {0, 2};
        List<Detection> filtered = raw.nms(NmsOptions.defaults().withConfThreshold(0.001).withClasses(wanted));
        List<Detection> expected = raw.nms(NmsOptions.defaults().withConfThreshold(0.001)).stream()
                .filter(d -> Arrays.stream(wanted).anyMatch(c -> c == d.classId())).toList();
        assertEquals(expected, filtered);
    }

    private static List<List<Float>> withoutRows(List<Detection> detections) {
        return detections.stream().map(d -> List.of(d.x1(), d.y1(), d.x2(), d.y2(), d.confidence(),
                (float) d.classId())).toList();
    }

    /**
     * IoU as the kernel computes it: intersection and union are exact here (small integer corners), the ratio is
     * rounded to float32 and then compared with the double threshold, so exact ties behave as upstream's.
     */
    static double iou(Detection a, Detection b) {
        float w = Math.max(0f, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()));
        float h = Math.max(0f, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()));
        float inter = w * h;
        return inter / (a.width() * a.height() + b.width() * b.height() - inter);
    }
}
