package dev.yolocam.torch.yaml;

import java.util.Map;

/**
 * Which code a model YAML was written for, and so which {@code parse_model} builds it. The rule is the one key that
 * separates the two Detect heads: a YAML with {@code anchors:} describes an anchor-based YOLOv5 v7.0 model
 * ({@code models/yolov5s.yaml}); one without describes an anchor-free Ultralytics 8.x model ({@code yolov8.yaml},
 * {@code yolo11.yaml}, which scale with {@code scales:} instead).
 */
enum YamlFamily {
    YOLOV5,
    ULTRALYTICS;

    static YamlFamily of(Map<?, ?> yaml) {
        return yaml.get("anchors") != null ? YOLOV5 : ULTRALYTICS;
    }
}
