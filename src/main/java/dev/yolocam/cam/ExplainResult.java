package dev.yolocam.cam;

import dev.yolocam.detect.DetectionResult;
import java.util.List;

/**
 * One image explained: its detections (from the same forward pass the maps come from) and its maps. When nothing
 * was detected (and the target needs detections) {@code maps} is empty and {@link #noDetections()} is true:
 * no exception, no NaN, no blank map.
 *
 * @param labels the detections held against the image's label file ({@code --misses}); null when not asked for or
 *               when the image has no label file
 */
public record ExplainResult(DetectionResult detections, List<CamMap> maps, boolean noDetections,
                            LabelCheck labels) {

    public ExplainResult(DetectionResult detections, List<CamMap> maps, boolean noDetections) {
        this(detections, maps, noDetections, null);
    }

    /** The same result with these maps (measured ones, from the metrics stage). */
    public ExplainResult withMaps(List<CamMap> measured) {
        return new ExplainResult(detections, measured, noDetections, labels);
    }
}
