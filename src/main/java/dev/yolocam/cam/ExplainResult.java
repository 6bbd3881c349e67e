package dev.yolocam.cam;

import dev.yolocam.detect.DetectionResult;
import java.util.List;

/**
 * One image explained: its detections (from the same forward pass the maps come from) and its maps. When nothing
 * was detected (and the target needs detections) {@code maps} is empty and {@link #noDetections()} is true:
 * no exception, no NaN, no blank map.
 */
public record ExplainResult(DetectionResult detections, List<CamMap> maps, boolean noDetections) {
}
