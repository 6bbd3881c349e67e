package dev.yolocam.cam;

import dev.yolocam.detect.Detection;
import dev.yolocam.detect.LabelBox;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.head.PredictionField;
import dev.yolocam.head.PredictionTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds one image's kept detections against its labels, in network-input pixels, one to one (detections in
 * confidence order, each taking the unmatched label of its class it overlaps most at IoU >= 0.5; a second detection
 * of one object is a false positive): which labelled objects were missed and why (judged on each one's best-matching prediction row before NMS, with the NMS options the detections
 * came from), and which detections match no label. Boxes are compared as NMS sees them (centre and size to corners
 * in float32); a row's score for a class is what NMS compares with --conf (class probability, times objectness for
 * families that predict one).
 */
public final class MissFinder {
    /** IoU at which a detection (or a prediction row) counts as finding a labelled object. */
    public static final double MATCH_IOU = 0.5;

    private final NmsOptions nms;

    public MissFinder(NmsOptions nms) {
        this.nms = nms;
    }

    /**
     * @param table  the image's predictions (one forward pass)
     * @param kept   the detections NMS kept from that table, in input pixels and NMS order
     * @param labels the labelled objects in input pixels (as {@link LabelBox} corners), only those of selected
     *               classes
     * @param inOriginal the same labels in original-image pixels, for the result
     */
    public LabelCheck check(PredictionTable table, List<Detection> kept, List<LabelBox> labels,
                            List<LabelBox> inOriginal) {
        Map<Integer, LabelCheck.Match> matches = new LinkedHashMap<>();
        boolean[] found = new boolean[labels.size()];
        int[] labelOf = matchMore(kept, labels, found);
        Set<Integer> falsePositives = new LinkedHashSet<>();
        for (int k = 0; k < kept.size(); k++) {
            int label = labelOf[k];
            if (label < 0) {
                falsePositives.add(k);
            } else {
                matches.put(k, new LabelCheck.Match(inOriginal.get(label), label, iou(corners(kept.get(k)),
                        labels.get(label))));
            }
        }
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!found[i]) {
                misses.add(miss(table, kept, labels.get(i), inOriginal.get(i)));
            }
        }
        return new LabelCheck(labels.size(), misses, falsePositives, matches, List.copyOf(labels));
    }

    private Miss miss(PredictionTable table, List<Detection> kept, LabelBox label, LabelBox original) {
        int c = label.classId();
        int best = -1;
        double bestValue = -1;
        int bestAny = 0;
        double bestAnyValue = -1;
        double bestIou = 0;
        for (int r = 0; r < table.rows(); r++) {
            double iou = iou(box(table, r), label);
            double value = iou * score(table, r, c);
            bestIou = Math.max(bestIou, iou);
            if (value > bestAnyValue) {
                bestAnyValue = value;
                bestAny = r;
            }
            if (iou >= MATCH_IOU && value > bestValue) {
                bestValue = value;
                best = r;
            }
        }
        if (best < 0) {
            return found(table, bestAny, label, original, MissReason.NO_CANDIDATE, -1);
        }
        int winner = bestClass(table, best);
        float winnerScore = score(table, best, winner);
        if (winner == c && winnerScore > nms.confThreshold()) {
            return found(table, best, label, original, MissReason.NMS, suppressor(table, best, kept, c));
        }
        if (winner != c && winnerScore > nms.confThreshold()) {
            return found(table, best, label, original, MissReason.WRONG_CLASS, winner);
        }
        return found(table, best, label, original, MissReason.BELOW_CONF, -1);
    }

    private Miss found(PredictionTable table, int row, LabelBox label, LabelBox original, MissReason reason,
                       int by) {
        float[] b = box(table, row);
        float score = score(table, row, label.classId());
        Detection box = new Detection(b[0], b[1], b[2], b[3], score, label.classId(), row);
        return new Miss(original, row, box, iou(b, label), score, reason, by, null);
    }

    /** The kept detection of class {@code c} with the highest IoU with the row, if above the NMS threshold. */
    private int suppressor(PredictionTable table, int row, List<Detection> kept, int c) {
        float[] b = box(table, row);
        int by = -1;
        double byIou = nms.iouThreshold();
        for (int k = 0; k < kept.size(); k++) {
            Detection d = kept.get(k);
            double iou = iou(b, new float[] {d.x1(), d.y1(), d.x2(), d.y2()});
            if (d.classId() == c && iou > byIou) {
                byIou = iou;
                by = k;
            }
        }
        return by;
    }

    /**
     * Continues a one-to-one matching with more detections (in confidence order, all less confident than those
     * already matched): for each, the index of the label it takes, or -1; {@code found} marks the labels taken.
     */
    public static int[] matchMore(List<Detection> detections, List<LabelBox> labels, boolean[] found) {
        int[] out = new int[detections.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = bestUnmatched(detections.get(k), labels, found);
            if (out[k] >= 0) {
                found[out[k]] = true;
            }
        }
        return out;
    }

    /** The label of the detection's class not matched yet that it overlaps most at IoU >= 0.5, or -1. */
    private static int bestUnmatched(Detection d, List<LabelBox> labels, boolean[] found) {
        int best = -1;
        double bestIou = MATCH_IOU;
        for (int i = 0; i < labels.size(); i++) {
            double iou = iou(corners(d), labels.get(i));
            if (!found[i] && labels.get(i).classId() == d.classId() && iou >= bestIou) {
                bestIou = iou;
                best = i;
            }
        }
        return best;
    }

    private static float[] corners(Detection d) {
        return new float[] {d.x1(), d.y1(), d.x2(), d.y2()};
    }

    /** The row's best class, the first on ties (as NMS's argmax). */
    private static int bestClass(PredictionTable table, int row) {
        int best = 0;
        for (int c = 1; c < table.classes(); c++) {
            if (table.get(row, PredictionField.classScore(c)) > table.get(row, PredictionField.classScore(best))) {
                best = c;
            }
        }
        return best;
    }

    private static float score(PredictionTable table, int row, int classId) {
        if (classId < 0 || classId >= table.classes()) {
            return 0f;
        }
        float cls = table.get(row, PredictionField.classScore(classId));
        return table.hasObjectness() ? cls * table.get(row, PredictionField.OBJECTNESS) : cls;
    }

    /** Corners from centre and size, in float32 as NMS computes them. */
    private static float[] box(PredictionTable table, int row) {
        float x = table.get(row, PredictionField.X);
        float y = table.get(row, PredictionField.Y);
        float w = table.get(row, PredictionField.W) / 2f;
        float h = table.get(row, PredictionField.H) / 2f;
        return new float[] {x - w, y - h, x + w, y + h};
    }

    private static double iou(float[] a, LabelBox label) {
        return iou(a, new float[] {(float) label.x1(), (float) label.y1(), (float) label.x2(), (float) label.y2()});
    }

    private static double iou(float[] a, float[] b) {
        double w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        double h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        double inter = w * h;
        double union = (double) (a[2] - a[0]) * (a[3] - a[1]) + (double) (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
