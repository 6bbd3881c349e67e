package dev.yolocam.cam;

import dev.yolocam.detect.DetectionResult;
import java.util.List;

/** One image swept over layers: its detections and one map per layer (in the request's layer order). */
public record SweepResult(DetectionResult detections, List<CamMap> maps, boolean noDetections) {
}
