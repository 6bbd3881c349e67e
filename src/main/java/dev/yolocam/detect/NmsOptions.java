package dev.yolocam.detect;

import java.util.Arrays;

/**
 * Parameters of {@link Nms}, named and defaulted as YOLOv5 v7.0's {@code non_max_suppression} / {@code detect.py}.
 *
 * @param confThreshold a row is a candidate when objectness {@code > confThreshold}, and kept when its best
 *                      class score {@code obj*cls > confThreshold} (default 0.25)
 * @param iouThreshold  a box is dropped when its IoU with a kept box of the same class is {@code > iouThreshold}
 *                      (default 0.45)
 * @param maxDet        at most this many detections (default 300)
 * @param classes       only these class ids are kept (YOLOv5's {@code classes=}); null keeps every class
 * @param agnostic      when true, boxes of different classes suppress each other too (default false)
 */
public record NmsOptions(double confThreshold, double iouThreshold, int maxDet, int[] classes, boolean agnostic) {
    public static final double DEFAULT_CONF = 0.25;
    public static final double DEFAULT_IOU = 0.45;
    public static final int DEFAULT_MAX_DET = 300;

    public NmsOptions {
        if (!(confThreshold >= 0 && confThreshold <= 1) || !(iouThreshold >= 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("thresholds must lie in [0, 1], got conf " + confThreshold
                    + ", iou " + iouThreshold);
        }
        if (maxDet < 0) {
            throw new IllegalArgumentException("maxDet must not be negative, got " + maxDet);
        }
        classes = classes == null ? null : classes.clone();
    }

    /** conf 0.25, iou 0.45, 300 detections, all classes, class-aware. */
    public static NmsOptions defaults() {
        return new NmsOptions(DEFAULT_CONF, DEFAULT_IOU, DEFAULT_MAX_DET, null, false);
    }

    public NmsOptions withConfThreshold(double value) {
        return new NmsOptions(value, iouThreshold, maxDet, classes, agnostic);
    }

    public NmsOptions withIouThreshold(double value) {
        return new NmsOptions(confThreshold, value, maxDet, classes, agnostic);
    }

    public NmsOptions withMaxDet(int value) {
        return new NmsOptions(confThreshold, iouThreshold, value, classes, agnostic);
    }

    public NmsOptions withClasses(int... value) {
        return new NmsOptions(confThreshold, iouThreshold, maxDet, value, agnostic);
    }

    public NmsOptions withAgnostic(boolean value) {
        return new NmsOptions(confThreshold, iouThreshold, maxDet, classes, value);
    }

    /** A copy of the class filter, or null when every class is kept. */
    @Override
    public int[] classes() {
        return classes == null ? null : classes.clone();
    }

    boolean keepsClass(int classId) {
        return classes == null || Arrays.stream(classes).anyMatch(c -> c == classId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NmsOptions o && Double.compare(confThreshold, o.confThreshold) == 0
                && Double.compare(iouThreshold, o.iouThreshold) == 0 && maxDet == o.maxDet
                && Arrays.equals(classes, o.classes) && agnostic == o.agnostic;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(classes) + Double.hashCode(confThreshold) * 7 + Double.hashCode(iouThreshold)
                + maxDet + (agnostic ? 1 : 0);
    }

    @Override
    public String toString() {
        return "NmsOptions[conf=" + confThreshold + ", iou=" + iouThreshold + ", maxDet=" + maxDet
                + ", classes=" + (classes == null ? "all" : Arrays.toString(classes)) + ", agnostic=" + agnostic + "]";
    }
}
