package dev.yolocam.head;

import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The facts of a YOLOv5 {@code Detect} module: levels, anchors per level, outputs per anchor, strides, and the
 * anchors in grid units (the {@code anchors} buffer, shape (nl, na, 2)). Its output is (B, N, 5+nc), rows in level,
 * anchor, y, x order, each {@code x, y, w, h, obj, classes...} ({@link Yolov5Predictions}).
 */
public record Yolov5DetectHead(String path, int levels, int anchorsPerLevel, int outputsPerAnchor, int classes,
                               float[] strides, float[] anchorsGridUnits) implements DetectHead {

    public static Yolov5DetectHead of(ModuleNode detect, Path source) {
        HeadAttributes attributes = new HeadAttributes(detect, source, "Detect");
        int nl = attributes.positiveInt("nl");
        int na = attributes.positiveInt("na");
        int no = attributes.positiveInt("no");
        int nc = attributes.positiveInt("nc");
        if (no != nc + 5) {
            throw attributes.bad("no=" + no + " is not nc+5 (nc=" + nc + ")");
        }
        TensorData anchors = detect.tensor("anchors").orElseThrow(() -> attributes.bad("has no anchors buffer"));
        long[] shape = anchors.shape();
        if (shape.length != 3 || shape[0] != nl || shape[1] != na || shape[2] != 2) {
            throw attributes.bad("anchors buffer has shape " + Arrays.toString(shape)
                    + ", expected [" + nl + ", " + na + ", 2]");
        }
        return new Yolov5DetectHead(detect.path(), nl, na, no, nc, attributes.strides(nl), anchors.toFloats());
    }

    @Override
    public float[] strides() {
        return strides.clone();
    }

    @Override
    public UpstreamPostprocessing postprocessing() {
        return UpstreamPostprocessing.YOLOV5;
    }

    @Override
    public int anchorsPerCell() {
        return anchorsPerLevel;
    }

    @Override
    public int valuesPerRow() {
        return outputsPerAnchor;
    }

    @Override
    public long[] outputShape(long batch, long rows) {
        return new long[] {batch, rows, outputsPerAnchor};
    }

    @Override
    public int rows(long[] outputShape) {
        return Math.toIntExact(outputShape[1]);
    }

    @Override
    public PredictionTable predictions(float[] raw, int offset, int rows) {
        return new Yolov5Predictions(raw, offset, rows, outputsPerAnchor);
    }

    /** Anchor (w, h) in input pixels for level k, anchor a, as YOLOv5 computes it: float32 anchors * stride. */
    public float anchorPixels(int level, int anchor, int coordinate) {
        return anchorsGridUnits[(level * anchorsPerLevel + anchor) * 2 + coordinate] * strides[level];
    }
}
