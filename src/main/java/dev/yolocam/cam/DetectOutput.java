package dev.yolocam.cam;

import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.graph.FloatArrays;
import dev.yolocam.head.DetectHead;
import dev.yolocam.head.PredictionTable;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A batched Detect output copied once into Java, read per image through its head. */
record DetectOutput(DetectHead head, float[] values, int rows) {
    static DetectOutput of(DetectHead head, INDArray raw) {
        return new DetectOutput(head, FloatArrays.values(raw), head.rows(raw.shape()));
    }

    int perItem() {
        return rows * head.valuesPerRow();
    }

    float[] item(int index) {
        return Arrays.copyOfRange(values, index * perItem(), (index + 1) * perItem());
    }

    /** One image's values ({@link #item}) as its predictions. */
    PredictionTable table(float[] item) {
        return head.predictions(item, 0, rows);
    }

    /** NMS on one image's values ({@link #item}); its DetectionResult keeps a native copy of them. */
    DetectionResult decide(Detector detector, Detector.Prepared image, float[] item) {
        return detector.decide(image, FloatArrays.of(item, head.outputShape(1, rows)), item);
    }
}
