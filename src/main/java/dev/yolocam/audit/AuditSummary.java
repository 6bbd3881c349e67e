package dev.yolocam.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An audit's numbers, per class and overall, computed from its rows alone (the same for the local and the Spark
 * engine, whatever order their rows come in). {@link #toJson()} is {@code summary.json}.
 *
 * @param images              images audited, failed ones included
 * @param errors              images that failed (error rows)
 * @param detections          kept detections (reached --conf)
 * @param detectionsBelowConf detection rows below --conf, kept for AP50 only
 * @param labels              labelled objects: kept true positives plus misses
 * @param map50               mean AP50 over the classes that have labels; null when none has
 * @param classes             by class id: every class with labels or kept detections
 */
public record AuditSummary(AuditSettings settings, int images, int errors, int detections, int detectionsBelowConf,
                           int tp, int fp, int misses, int labels, Double map50, List<ClassSummary> classes) {

    public AuditSummary {
        classes = List.copyOf(classes);
    }

    public static AuditSummary of(AuditSettings settings, int images, List<AuditRow> rows) {
        Map<Integer, List<AuditRow>> byClass = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        int errors = 0;
        int belowConf = 0;
        for (AuditRow row : rows) {
            if (row.outcome() == Outcome.ERROR || row.classId() == null) {
                errors += row.outcome() == Outcome.ERROR ? 1 : 0;
                continue;
            }
            if (row.isDetection() && !row.kept()) {
                belowConf++;
            }
            byClass.computeIfAbsent(row.classId(), id -> new ArrayList<>()).add(row);
            // The smallest name, should rows ever disagree: a choice that does not depend on row order.
            if (row.className() != null) {
                names.merge(row.classId(), row.className(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<ClassSummary> classes = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int misses = 0;
        double apSum = 0;
        int withLabels = 0;
        for (Map.Entry<Integer, List<AuditRow>> e : byClass.entrySet()) {
            String name = names.getOrDefault(e.getKey(), String.valueOf(e.getKey()));
            ClassSummary c = ClassSummary.of(e.getKey(), name, e.getValue());
            if (c.labels() == 0 && c.tp() + c.fp() == 0) {
                continue; // only detections below --conf of a class nobody labelled: nothing to report
            }
            classes.add(c);
            tp += c.tp();
            fp += c.fp();
            misses += c.misses();
            if (c.ap50() != null) {
                apSum += c.ap50();
                withLabels++;
            }
        }
        return new AuditSummary(settings, images, errors, tp + fp, belowConf, tp, fp, misses, tp + misses,
                withLabels == 0 ? null : apSum / withLabels, classes);
    }

    /** {@code summary.json}: snake_case keys in a fixed order, the run's settings first; absent numbers are null. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("settings", settings.entries());
        out.put("images", images);
        out.put("errors", errors);
        out.put("detections", detections);
        out.put("detections_below_conf", detectionsBelowConf);
        out.put("tp", tp);
        out.put("fp", fp);
        out.put("misses", misses);
        out.put("labels", labels);
        out.put("map50", map50);
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (ClassSummary c : classes) {
            perClass.add(c.toJson());
        }
        out.put("classes", perClass);
        return Collections.unmodifiableMap(out);
    }
}
