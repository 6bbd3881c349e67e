package dev.yolocam.torch;

import java.util.List;
import java.util.Set;

/**
 * YOLOv5 (v5.0 to v7.0): blocks in {@code models.common} and {@code models.experimental}, the model and its
 * {@code Detect} head in {@code models.yolo}. {@code Model} is v5.0's name for DetectionModel; a segmentation model
 * is a detection model with a Segment head.
 */
final class Yolov5Family implements ModelFamily {
    @Override
    public String name() {
        return "YOLOv5";
    }

    @Override
    public Set<String> moduleClassModules() {
        return Set.of("models.common", "models.yolo", "models.experimental");
    }

    @Override
    public List<String> modelClasses() {
        return List.of("models.yolo.DetectionModel", "models.yolo.Model", "models.yolo.SegmentationModel");
    }

    @Override
    public Set<String> detectHeadClasses() {
        return Set.of("models.yolo.Detect");
    }
}
