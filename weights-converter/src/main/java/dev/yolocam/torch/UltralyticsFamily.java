package dev.yolocam.torch;

import java.util.List;
import java.util.Set;

/**
 * Ultralytics 8.x (YOLOv8, YOLO11): layer classes in {@code ultralytics.nn.modules.*}, the model in
 * {@code ultralytics.nn.tasks}, the anchor-free {@code Detect} head in {@code ultralytics.nn.modules.head}.
 */
final class UltralyticsFamily implements ModelFamily {
    @Override
    public String name() {
        return "YOLOv8/YOLO11";
    }

    @Override
    public Set<String> moduleClassModules() {
        return Set.of("ultralytics.nn.tasks", "ultralytics.nn.modules.block", "ultralytics.nn.modules.conv",
                "ultralytics.nn.modules.head");
    }

    @Override
    public List<String> modelClasses() {
        return List.of("ultralytics.nn.tasks.DetectionModel");
    }

    @Override
    public Set<String> detectHeadClasses() {
        return Set.of("ultralytics.nn.modules.head.Detect");
    }
}
