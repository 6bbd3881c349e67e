package dev.yolocam.head;

/**
 * The detection head of a model, as far as the rest of yolocam needs to know it: its levels and strides, how many
 * predictions each grid cell makes, and how one image's raw output reads as a {@link PredictionTable}. Each model
 * family has its implementation; nothing outside this package knows a family's raw layout.
 */
public interface DetectHead {
    /** The head's module path ({@code model.24}); its output is the graph's output. */
    String path();

    int levels();

    int classes();

    /** Input pixels per grid cell, per level. */
    float[] strides();

    /** Predictions per grid cell: YOLOv5's anchors per level, 1 for an anchor-free head. */
    int anchorsPerCell();

    /** What the family's own predictor does with these predictions where families differ. */
    UpstreamPostprocessing postprocessing();

    /** Values the raw output holds per prediction (5+nc for YOLOv5, 4+nc for YOLOv8/YOLO11). */
    int valuesPerRow();

    /** The shape of the head's raw output for {@code batch} images with {@code rows} predictions each. */
    long[] outputShape(long batch, long rows);

    /**
     * One image's predictions: the {@code rows x valuesPerRow()} values from {@code offset} in {@code raw}, laid out
     * as this head's output is (one image of a batched output starts at {@code image * rows * valuesPerRow()}).
     */
    PredictionTable predictions(float[] raw, int offset, int rows);

    /** The number of predictions per image in an output of this shape ({@link #outputShape}). */
    int rows(long[] outputShape);

    default float maxStride() {
        float max = 0;
        for (float s : strides()) {
            max = Math.max(max, s);
        }
        return max;
    }

    /** Number of predictions for an input of the given size. */
    default long rows(long height, long width) {
        long rows = 0;
        for (float s : strides()) {
            rows += (long) anchorsPerCell() * (height / (long) s) * (width / (long) s);
        }
        return rows;
    }
}
