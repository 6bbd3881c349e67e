package dev.yolocam.audit;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.cam.LabelCheck;
import dev.yolocam.cam.Miss;
import dev.yolocam.cam.MissFinder;
import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.LabelBox;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.metrics.BoxMass;
import dev.yolocam.metrics.MetricSubject;
import dev.yolocam.metrics.PointingGame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Audits one image at a time with a model, a graph and a method opened once: its detections held one to one
 * against its labels (true and false positives, misses), a map per kept detection and per miss, and each map's
 * own-box and other-box mass and pointing game against its label. Detections below --conf, down to
 * {@link #AP_CONF} (YOLOv5's val.py), become rows without maps, for AP50. A picture or label file that cannot be
 * read is an error row, never an exception.
 */
public final class ImageAuditor {
    /** The confidence down to which detections are kept for AP, as YOLOv5's val.py. */
    public static final double AP_CONF = 0.001;

    private final CamEngine engine;
    private final Detector candidates;
    private final IntFunction<String> className;
    private final AuditArtifacts artifacts;
    private final BoxMass boxMass = new BoxMass();

    /**
     * @param engine    the explaining engine: per-detection maps with misses checked
     * @param className the model's class names
     * @param artifacts which files to write per map
     */
    public ImageAuditor(CamEngine engine, IntFunction<String> className, AuditArtifacts artifacts) {
        if (!engine.request().perDetection() || !engine.request().misses()) {
            throw new IllegalArgumentException("an audit needs per-detection maps and the misses checked");
        }
        Detector detector = engine.detector();
        this.engine = engine;
        this.candidates = new Detector(detector.model(), detector.inputSize(),
                detector.nmsOptions().withConfThreshold(Math.min(AP_CONF, detector.nmsOptions().confThreshold())));
        this.className = className;
        this.artifacts = artifacts;
    }

    /** The image at {@code localImage} (its label file found beside it, or in YOLOv5's labels/ folder) audited. */
    public ImageAudit audit(String key, Path localImage) {
        ExplainResult result;
        try {
            result = engine.explain(localImage);
        } catch (YolocamException e) {
            return failed(key, e.problem());
        } catch (RuntimeException e) {
            return failed(key, "cannot be audited: " + e);
        }
        return rows(key, result);
    }

    private static ImageAudit failed(String key, String problem) {
        return new ImageAudit(key, List.of(AuditRow.failed(key, problem)), List.of());
    }

    private ImageAudit rows(String key, ExplainResult result) {
        DetectionResult detections = result.detections();
        LabelCheck check = result.labels() != null ? result.labels()
                : new LabelCheck(0, List.of(), allIndices(detections.inInput().size()), Map.of(), List.of());
        List<AuditRow> rows = new ArrayList<>();
        List<AuditArtifact> files = new ArrayList<>();
        int width = detections.original().width();
        int height = detections.original().height();
        for (CamMap map : result.maps()) {
            int k = map.detectionIndex();
            Detection inInput = detections.inInput().get(k);
            Detection box = detections.inOriginal().get(k);
            LabelCheck.Match match = check.matches().get(k);
            String base = AuditArtifacts.base(key) + "/det" + k;
            List<Detection> others = detections.inInput().stream().filter(d -> d != inInput).toList();
            files.addAll(artifacts.of(base, detections.original(), map, box, match == null ? null : match.label()));
            rows.add(row(key, k, match == null ? Outcome.FP : Outcome.TP, box, match == null ? null : match.label(),
                    match == null ? null : match.iou(), null, null, map, others, base, width, height));
        }
        rows.addAll(belowConf(key, detections, check.inInput(), check));
        List<Miss> misses = check.misses();
        for (int m = 0; m < misses.size(); m++) {
            Miss miss = misses.get(m);
            Detection box = detections.letterbox().toOriginal(miss.box(), width, height);
            String base = AuditArtifacts.base(key) + "/miss" + m;
            files.addAll(artifacts.of(base, detections.original(), miss.map(), box, miss.label()));
            AuditRow row = row(key, m, Outcome.MISS, box, miss.label(), miss.iou(),
                    miss.reason().name().toLowerCase(java.util.Locale.ROOT), miss.by() < 0 ? null : miss.by(),
                    miss.map(), detections.inInput(), base, width, height);
            rows.add(row);
        }
        return new ImageAudit(key, rows, files);
    }

    private AuditRow row(String key, int index, Outcome outcome, Detection box, LabelBox label, Double iou,
                         String reason, Integer by, CamMap map, List<Detection> others, String base, int width,
                         int height) {
        Map<String, Double> mass = boxMass.measure(new MetricSubject(map.input(), map.scoring(),
                map.explained(), others, Optional::empty), 1);
        Boolean hit = label == null ? null
                : PointingHit.of(map.original(), map.originalHeight(), map.originalWidth(), label);
        Double energy = label == null ? null
                : PointingGame.energy(map.original(), map.originalHeight(), map.originalWidth(), List.of(label));
        return new AuditRow(key, index, outcome, true, box.classId(), className.apply(box.classId()),
                (double) box.confidence(), (double) box.x1(), (double) box.y1(), (double) box.x2(),
                (double) box.y2(), label == null ? null : label.x1(), label == null ? null : label.y1(),
                label == null ? null : label.x2(), label == null ? null : label.y2(), iou, reason, by,
                mass.get("own_box_mass"), mass.get("other_box_mass"), hit, energy,
                artifacts.npy() ? base + ".npy" : null, base + ".png", null, width, height);
    }

    /**
     * The detections between {@link #AP_CONF} and --conf from the same forward pass (NMS keeps the kept ones
     * unchanged at a lower threshold: a box is only ever suppressed by a more confident one), matched on where the
     * kept detections left off.
     */
    private List<AuditRow> belowConf(String key, DetectionResult detections, List<LabelBox> labelsInInput,
                                     LabelCheck check) {
        int kept = detections.inInput().size();
        DetectionResult all = candidates.decide(new Detector.Prepared(detections.image(), detections.original(),
                detections.letterbox()), detections.raw());
        boolean[] found = new boolean[labelsInInput.size()];
        check.matches().values().forEach(m -> found[m.index()] = true);
        List<Detection> lower = all.inInput().subList(Math.min(kept, all.inInput().size()), all.inInput().size());
        int[] labelOf = MissFinder.matchMore(lower, labelsInInput, found);
        List<AuditRow> rows = new ArrayList<>();
        for (int j = 0; j < lower.size(); j++) {
            Detection box = all.inOriginal().get(kept + j);
            rows.add(new AuditRow(key, kept + j, labelOf[j] >= 0 ? Outcome.TP : Outcome.FP, false, box.classId(),
                    className.apply(box.classId()), (double) box.confidence(), (double) box.x1(), (double) box.y1(),
                    (double) box.x2(), (double) box.y2(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, detections.original().width(), detections.original().height()));
        }
        return rows;
    }

    private static java.util.Set<Integer> allIndices(int n) {
        java.util.Set<Integer> all = new java.util.LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
