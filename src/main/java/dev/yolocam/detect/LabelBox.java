package dev.yolocam.detect;

/**
 * A ground-truth box from a YOLO label file, corners in pixels of the original image.
 *
 * @param classId the label's class
 */
public record LabelBox(int classId, double x1, double y1, double x2, double y2) {
}
