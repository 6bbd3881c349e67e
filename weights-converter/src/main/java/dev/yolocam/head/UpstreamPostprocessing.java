package dev.yolocam.head;

/**
 * How the family's own predictor turns a head's predictions into detections, where families differ: the default
 * NMS IoU threshold (YOLOv5's detect.py 0.45, Ultralytics' predictor 0.7) and whether {@code scale_boxes} rounds the
 * letterbox padding to whole pixels ({@code round(pad - 0.1)}, Ultralytics 8.x) or uses it as a float (YOLOv5).
 */
public record UpstreamPostprocessing(double defaultIou, boolean integerPadding) {
    public static final UpstreamPostprocessing YOLOV5 = new UpstreamPostprocessing(0.45, false);
    public static final UpstreamPostprocessing ULTRALYTICS = new UpstreamPostprocessing(0.7, true);
}
