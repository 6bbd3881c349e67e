package dev.yolocam.cam;

import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.LabelBox;
import dev.yolocam.detect.LetterboxResult;
import dev.yolocam.detect.YoloLabels;
import dev.yolocam.graph.FloatArrays;
import dev.yolocam.head.DetectHead;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --misses}: holds an image's detections against its YOLO label file ({@link MissFinder}) and explains each
 * missed object with a map of its best-matching row's score for the labelled class, from a further pass of the
 * image for that target (as a per-detection map is made).
 */
final class MissExplainer {
    private final Detector detector;
    private final CamRequest request;
    private final PassRunner passes;
    private final MapBuilder maps;
    private final MapFinisher finisher;

    MissExplainer(Detector detector, CamRequest request, PassRunner passes, MapBuilder maps, MapFinisher finisher) {
        this.detector = detector;
        this.request = request;
        this.passes = passes;
        this.maps = maps;
        this.finisher = finisher;
    }

    /** The check of the record's image, its misses explained; null when the image has no label file. */
    LabelCheck check(ImageRecord record) {
        DetectionResult detections = record.detections();
        List<LabelBox> original = YoloLabels.forImage(detections.image(), detections.original().width(),
                detections.original().height()).orElse(null);
        if (original == null) {
            return null;
        }
        original = original.stream().filter(l -> selected(l.classId())).toList();
        LetterboxResult lb = detections.letterbox();
        List<LabelBox> inInput = original.stream()
                .map(l -> lb.toInput(l, detections.original().width(), detections.original().height())).toList();
        DetectHead head = detector.model().description().detect();
        float[] raw = FloatArrays.values(detections.raw());
        LabelCheck found = new MissFinder(detector.nmsOptions()).check(
                head.predictions(raw, 0, head.rows(detections.raw().shape())), detections.inInput(), inInput,
                original);
        PredictionGrid grid = PredictionGrid.of(head, lb.height(), lb.width());
        List<Miss> explained = new ArrayList<>();
        for (Miss miss : found.misses()) {
            Target target = request.method().target(new Target(List.of(TargetKind.CLASS),
                    List.<Detection>of(miss.box()), new int[0], grid));
            TappedPass pass = passes.again(record.pass(), target);
            explained.add(miss.withMap(finisher.finish(maps.map(pass, target), detections, target, -1,
                    pass.layers())));
        }
        return new LabelCheck(found.labels(), explained, found.falsePositives(), found.matches(), found.inInput());
    }

    private boolean selected(int classId) {
        if (request.classes().length == 0) {
            return true;
        }
        for (int c : request.classes()) {
            if (c == classId) {
                return true;
            }
        }
        return false;
    }
}
