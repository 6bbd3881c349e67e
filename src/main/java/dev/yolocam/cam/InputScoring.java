package dev.yolocam.cam;

import java.util.List;

/**
 * The target score of network inputs, always with the same target: what the perturbation methods and the
 * faithfulness metrics ask of a model. The implementation batches the forward passes ({@code batchSize} images per
 * pass).
 */
public interface InputScoring {
    /** Network input height H and width W. */
    int inputHeight();

    int inputWidth();

    /** The image's network input (3, H, W), C order. Do not modify. */
    float[] input();

    /** The target score on the unmodified image. */
    double baseScore();

    /** The target score for each input (3, H, W). */
    double[] scoreInputs(List<float[]> inputs, int batchSize);
}
