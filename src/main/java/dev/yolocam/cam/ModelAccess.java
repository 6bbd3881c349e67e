package dev.yolocam.cam;

/**
 * What the perturbation methods (ScoreCAM, AblationCAM) may ask of the model besides a layer's tensors: the target
 * score of modified inputs or of modified layer activations, evaluated with the same target as the map. The
 * implementation batches the forward passes ({@code batchSize} images per pass).
 */
public interface ModelAccess {
    /** Network input height H and width W. */
    int inputHeight();

    int inputWidth();

    /** The image's network input (3, H, W), C order. Do not modify. */
    float[] input();

    /** The target score on the unmodified image. */
    double baseScore();

    /** The target score for each input (3, H, W). */
    double[] scoreInputs(java.util.List<float[]> inputs, int batchSize);

    /**
     * The target score when, for run i, channel {@code channels[i]} of {@code layer}'s output is replaced by the
     * constant {@code values[i]} (all other channels and layers unchanged).
     */
    double[] scoreAblated(String layer, int[] channels, float[] values, int batchSize);
}
