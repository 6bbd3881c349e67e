package dev.yolocam.detect;

import dev.yolocam.graph.FloatArrays;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.head.DetectHead;
import dev.yolocam.model.MemoryPolicy;
import dev.yolocam.model.YoloModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * YOLOv5's detect.py: letterbox, forward (one image or a batch of one input shape per pass), NMS, boxes back to
 * the original image. The graph for each input shape and batch size is built once by the model and reused.
 */
public final class Detector {
    private final YoloModel model;
    private final InputSize inputSize;
    private final NmsOptions nms;
    private final MemoryPolicy memory = MemoryPolicy.standard();

    /** @param inputSize what images are letterboxed into, each side rounded up to the model stride */
    public Detector(YoloModel model, InputSize inputSize, NmsOptions nms) {
        this.model = model;
        this.inputSize = inputSize.roundedUpTo(model.stride());
        this.nms = nms;
    }

    public YoloModel model() {
        return model;
    }

    public NmsOptions nmsOptions() {
        return nms;
    }

    /** The size images are letterboxed into: --imgsz rounded up to the stride (an input may come out smaller). */
    public InputSize inputSize() {
        return inputSize;
    }

    /** The letterboxed network input of an image file, as YOLOv5's LoadImages makes it. */
    public Prepared prepare(Path imagePath) {
        return prepare(SourceImage.still(imagePath, ImageLoader.load(imagePath)));
    }

    /** The letterboxed network input of a decoded picture (an image, or a video frame). */
    public Prepared prepare(SourceImage picture) {
        LetterboxResult letterbox = Letterbox.apply(picture.pixels(), inputSize.height(), inputSize.width(),
                model.stride());
        return new Prepared(picture.file(), picture.pixels(), letterbox);
    }

    public DetectionResult detect(Path imagePath) {
        return detect(ImageBatch.of(prepare(imagePath))).get(0);
    }

    /** Detections for every image of the batch, from one forward pass; in the batch's order. */
    public List<DetectionResult> detect(ImageBatch batch) {
        try {
            YoloGraph graph = model.graph(GraphSpec.forward(batch.height(), batch.width()).withBatch(batch.size()));
            INDArray raw = graph.predict(batch.tensor());
            List<DetectionResult> results = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                results.add(decide(batch.get(i), ImageBatch.item(raw, i)));
            }
            return results;
        } finally {
            memory.afterPass();
        }
    }

    /** NMS on the Detect output of this image's forward pass, and the boxes scaled back to the original image. */
    public DetectionResult decide(Prepared prepared, INDArray rawOutput) {
        return decide(prepared, rawOutput, FloatArrays.values(rawOutput));
    }

    /** As {@link #decide(Prepared, INDArray)}, for a caller that already holds the output's values in C order. */
    public DetectionResult decide(Prepared prepared, INDArray rawOutput, float[] raw) {
        DetectHead head = model.description().detect();
        List<Detection> inInput = Nms.apply(head.predictions(raw, 0, head.rows(rawOutput.shape())), nms);
        LetterboxResult lb = prepared.letterbox();
        BoxScaler scaler = new BoxScaler(lb.height(), lb.width(), prepared.original().height(),
                prepared.original().width(), head.postprocessing().integerPadding());
        return new DetectionResult(prepared.path(), prepared.original(), lb, rawOutput, inInput,
                scaler.toOriginal(inInput));
    }

    /** A decoded image and its letterboxed input. */
    public record Prepared(Path path, RgbImage original, LetterboxResult letterbox) {
        public INDArray tensor() {
            return FloatArrays.of(letterbox.input(), 1, 3, letterbox.height(), letterbox.width());
        }
    }
}
