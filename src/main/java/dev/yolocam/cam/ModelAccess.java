package dev.yolocam.cam;

import dev.yolocam.head.PredictionTable;
import java.util.List;
import java.util.Optional;

/**
 * What the perturbation methods (ScoreCAM, AblationCAM) may ask of the model besides a layer's tensors: the target
 * score of modified inputs ({@link InputScoring}) or of modified layer activations, evaluated with the same target
 * as the map; ShapleyCAM asks for gradients at a scaled layer output. FullGrad also reads the biases of the fused
 * model's layers; D-RISE reads whole predictions.
 */
public interface ModelAccess extends InputScoring {
    /**
     * Every prediction row (before NMS) of each input (3, H, W), from passes of {@code batchSize} inputs; a table
     * per input, in order.
     */
    List<PredictionTable> predictInputs(List<float[]> inputs, int batchSize);

    /**
     * The target score when, for run i, channel {@code channels[i]} of {@code layer}'s output is replaced by the
     * constant {@code values[i]} (all other channels and layers unchanged).
     */
    double[] scoreAblated(String layer, int[] channels, float[] values, int batchSize);

    /**
     * The target's gradient at {@code layer}'s output (C, h, w) when that output is multiplied by
     * {@code factors[i]} (one result per factor, every other layer unchanged): differences of these along the
     * activation give ShapleyCAM its Hessian-vector product, which SameDiff cannot differentiate twice for.
     */
    List<float[]> gradientsAtScaledOutput(String layer, float[] factors);

    /**
     * The per-channel bias that the module producing {@code layer} adds to its output in the fused model that
     * detect.py runs (a Conv block's BatchNorm folded into its conv; a stand-alone BatchNorm2d's shift), or empty
     * when the module adds none. The default knows no module tree and reports none.
     */
    default Optional<float[]> layerBias(String layer) {
        return Optional.empty();
    }
}
