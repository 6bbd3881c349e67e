package dev.yolocam.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The audit's numbers for one class. Counts are of kept rows (detections that reached --conf, and misses), AP50 of
 * every detection row down to YOLOv5's 0.001. A number that has nothing to be computed from (precision without
 * kept detections, recall and AP50 without labels, a mean over no rows) is null, never NaN.
 *
 * @param labels               the class's labelled objects: kept true positives plus misses
 * @param precision            kept true positives over kept detections
 * @param recall               kept true positives over labels
 * @param ap50                 {@link AveragePrecision} of all detection rows
 * @param meanOwnBoxMassTp     mean own-box mass of the kept true positives' maps
 * @param meanOwnBoxMassFp     mean own-box mass of the kept false positives' maps
 * @param wrongReasonShare     share of kept true positives whose map lies mostly outside their box (own-box mass
 *                             below 0.5): right for the wrong reason
 * @param pointingHitRate      share of kept true positives whose map peaks inside their label
 * @param ownBoxMassHistogram  kept true positives per {@link MassHistogram} bin
 */
public record ClassSummary(int classId, String className, int labels, int tp, int fp, int misses,
                           Double precision, Double recall, Double ap50, Double meanOwnBoxMassTp,
                           Double meanOwnBoxMassFp, Double wrongReasonShare, Double pointingHitRate,
                           List<Integer> ownBoxMassHistogram) {
    /** Own-box mass below this: the map lies mostly outside the box. */
    public static final double WRONG_REASON_BELOW = 0.5;

    /** Detections in AP order: falling confidence, ties by image key and index so that row order cannot matter. */
    static final Comparator<AuditRow> BY_CONFIDENCE = Comparator
            .comparingDouble((AuditRow row) -> row.confidence() == null ? 0 : row.confidence()).reversed()
            .thenComparing(AuditRow::image).thenComparingInt(AuditRow::index);

    public ClassSummary {
        ownBoxMassHistogram = List.copyOf(ownBoxMassHistogram);
    }

    /** The summary of {@code rows}, all of class {@code classId} and none an error row. */
    static ClassSummary of(int classId, String className, List<AuditRow> rows) {
        List<AuditRow> keptTp = new ArrayList<>();
        List<AuditRow> keptFp = new ArrayList<>();
        List<AuditRow> detections = new ArrayList<>();
        int misses = 0;
        for (AuditRow row : rows) {
            if (row.isDetection()) {
                detections.add(row);
                if (row.kept()) {
                    (row.outcome() == Outcome.TP ? keptTp : keptFp).add(row);
                }
            } else if (row.outcome() == Outcome.MISS) {
                misses++;
            }
        }
        int tp = keptTp.size();
        int fp = keptFp.size();
        int labels = tp + misses;
        detections.sort(BY_CONFIDENCE);
        boolean[] truePositive = new boolean[detections.size()];
        for (int i = 0; i < truePositive.length; i++) {
            truePositive[i] = detections.get(i).outcome() == Outcome.TP;
        }
        List<Double> tpMasses = present(keptTp, AuditRow::ownBoxMass);
        Integer[] histogram = new Integer[MassHistogram.BINS];
        Arrays.fill(histogram, 0);
        int wrongReason = 0;
        for (double mass : tpMasses) {
            histogram[MassHistogram.bin(mass)]++;
            if (mass < WRONG_REASON_BELOW) {
                wrongReason++;
            }
        }
        List<Boolean> hits = present(keptTp, AuditRow::pointingHit);
        return new ClassSummary(classId, className, labels, tp, fp, misses,
                ratio(tp, tp + fp), ratio(tp, labels),
                labels == 0 ? null : AveragePrecision.of(truePositive, labels),
                mean(tpMasses), mean(present(keptFp, AuditRow::ownBoxMass)),
                ratio(wrongReason, tpMasses.size()),
                ratio((int) hits.stream().filter(Boolean::booleanValue).count(), hits.size()),
                List.of(histogram));
    }

    /** The entry of {@code summary.json}'s {@code classes} list. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_id", classId);
        out.put("class_name", className);
        out.put("labels", labels);
        out.put("tp", tp);
        out.put("fp", fp);
        out.put("misses", misses);
        out.put("precision", precision);
        out.put("recall", recall);
        out.put("ap50", ap50);
        out.put("mean_own_box_mass_tp", meanOwnBoxMassTp);
        out.put("mean_own_box_mass_fp", meanOwnBoxMassFp);
        out.put("wrong_reason_share", wrongReasonShare);
        out.put("pointing_hit_rate", pointingHitRate);
        out.put("own_box_mass_histogram", ownBoxMassHistogram);
        return Collections.unmodifiableMap(out);
    }

    private static <T> List<T> present(List<AuditRow> rows, Function<AuditRow, T> value) {
        List<T> out = new ArrayList<>();
        for (AuditRow row : rows) {
            T v = value.apply(row);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : part / (double) whole;
    }

    private static Double mean(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        // In a fixed order, so that the engines' different row orders give the same last digit.
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return sum / values.size();
    }
}
