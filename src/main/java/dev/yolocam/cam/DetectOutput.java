package dev.yolocam.cam;

import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.graph.FloatArrays;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A batched Detect output (B, N, 5+nc) copied once into Java, read per image. */
record DetectOutput(float[] values, int rows, int columns) {
    static DetectOutput of(INDArray raw) {
        return new DetectOutput(FloatArrays.values(raw), (int) raw.size(1), (int) raw.size(2));
    }

    int perItem() {
        return rows * columns;
    }

    float[] item(int index) {
        return Arrays.copyOfRange(values, index * perItem(), (index + 1) * perItem());
    }

    /** NMS on one image's rows ({@link #item}); its DetectionResult keeps a native copy of them. */
    DetectionResult decide(Detector detector, Detector.Prepared image, float[] itemRows) {
        return detector.decide(image, FloatArrays.of(itemRows, 1, rows, columns), itemRows);
    }
}
