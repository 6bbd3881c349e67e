package dev.yolocam.head;

import dev.yolocam.torch.ModuleNode;
import java.nio.file.Path;

/**
 * The facts of an Ultralytics 8.x anchor-free {@code Detect} module (YOLOv8, YOLO11): levels, classes, DFL bins
 * ({@code reg_max}) and strides. One prediction per grid cell; its output is (B, 4+nc, N), channels first: rows
 * 0..3 the box centre and size in input pixels, then one sigmoid per class, columns in level, y, x order
 * ({@link UltralyticsPredictions}).
 */
public record UltralyticsDetectHead(String path, int levels, int classes, int regMax, float[] strides)
        implements DetectHead {

    public static UltralyticsDetectHead of(ModuleNode detect, Path source) {
        HeadAttributes attributes = new HeadAttributes(detect, source, "Detect");
        int nl = attributes.positiveInt("nl");
        int nc = attributes.positiveInt("nc");
        int regMax = attributes.positiveInt("reg_max");
        int no = attributes.positiveInt("no");
        if (no != nc + 4 * regMax) {
            throw attributes.bad("no=" + no + " is not nc+4*reg_max (nc=" + nc + ", reg_max=" + regMax + ")");
        }
        return new UltralyticsDetectHead(detect.path(), nl, nc, regMax, attributes.strides(nl));
    }

    @Override
    public float[] strides() {
        return strides.clone();
    }

    @Override
    public UpstreamPostprocessing postprocessing() {
        return UpstreamPostprocessing.ULTRALYTICS;
    }

    @Override
    public int anchorsPerCell() {
        return 1;
    }

    @Override
    public int valuesPerRow() {
        return 4 + classes;
    }

    @Override
    public long[] outputShape(long batch, long rows) {
        return new long[] {batch, valuesPerRow(), rows};
    }

    @Override
    public int rows(long[] outputShape) {
        return Math.toIntExact(outputShape[2]);
    }

    @Override
    public PredictionTable predictions(float[] raw, int offset, int rows) {
        return new UltralyticsPredictions(raw, offset, rows, classes);
    }
}
