package dev.yolocam.detect;

import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One image's detections. {@code inInput} and {@code inOriginal} are the same detections (same order, sorted by
 * confidence) in network-input pixels and in original-image pixels; {@code raw} is the Detect output (1, N, 5+nc)
 * of the forward pass they came from.
 */
public record DetectionResult(Path image, RgbImage original, LetterboxResult letterbox, INDArray raw,
                              List<Detection> inInput, List<Detection> inOriginal) {
    public boolean isEmpty() {
        return inInput.isEmpty();
    }
}
