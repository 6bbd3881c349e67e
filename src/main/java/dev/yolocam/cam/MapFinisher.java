package dev.yolocam.cam;

import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.LetterboxResult;
import dev.yolocam.model.YoloModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The explainer's post-processing of a finished map (keep the top percent; renormalise inside the explained boxes),
 * its mapping into the original image's frame, and the {@link CamMap} that carries both with what the metrics
 * stage needs to score it.
 */
final class MapFinisher {
    private final YoloModel model;
    private final CamRequest request;

    MapFinisher(YoloModel model, CamRequest request) {
        this.model = model;
        this.request = request;
    }

    CamMap finish(float[] map, DetectionResult detections, Target target, int detectionIndex, List<String> layers) {
        LetterboxResult lb = detections.letterbox();
        if (request.keepTopPercent() > 0) {
            map = CamMath.keepTopPercent(map, request.keepTopPercent());
        }
        if (request.renormalize()) {
            List<double[]> boxes = new ArrayList<>();
            for (Detection d : target.detections()) {
                boxes.add(new double[] {d.x1(), d.y1(), d.x2(), d.y2()});
            }
            if (!boxes.isEmpty()) {
                map = CamMath.renormalizeInBoxes(map, lb.height(), lb.width(), boxes);
            }
        }
        float[] original = FrameMapper.toOriginal(map, lb, detections.original().height(),
                detections.original().width());
        Detector.Prepared prepared = new Detector.Prepared(detections.image(), detections.original(), lb);
        MapScoring scoring = new MapScoring(model, prepared, target, detections.raw());
        return new CamMap(request.method().name(), layers, request.targets(), detectionIndex,
                target.detections(), scoring, lb.height(), lb.width(), map, detections.original().height(),
                detections.original().width(), original, Map.of());
    }
}
