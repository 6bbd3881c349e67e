package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;

/**
 * Ablation-CAM (Desai and Ramaswamy 2020) as pytorch-grad-cam computes it: channel c of the layer is replaced by a
 * constant, the target is re-scored ({@code s_c}), and {@code w_c = (s0 - s_c) / s0} (float32) with {@code s0} the
 * unmodified score; all weights are 0 when {@code s0} is 0 (upstream: NaN).
 *
 * <p>The constant reproduces upstream's {@code AblationLayer}: channels are ablated in batches of
 * {@code batchSize}; within a batch, element i is set to {@code min(batch tensor) - 1e7}, and the minimum is
 * re-read after every element, so element i gets {@code min0 - 1e7} subtracted i + 1 times in float32
 * ({@code min0} = the layer's minimum activation). When {@code min0} is exactly 0 every ablated channel is 0.
 */
public final class AblationCam extends ChannelWeightCam {
    private static final float ABLATION_STEP = 1e7f;

    @Override
    public String name() {
        return "AblationCAM";
    }

    @Override
    public String summary() {
        return "channel weights = relative drop of the target score when the channel is ablated (C forward passes)";
    }

    @Override
    public boolean usesGradients() {
        return false;
    }

    @Override
    protected double[] channelWeights(LayerTensors tensors, ModelAccess model, CamOptions options) {
        int channels = tensors.channels();
        int batchSize = Math.max(1, options.batchSize());
        float min0 = Float.POSITIVE_INFINITY;
        for (float v : tensors.activation()) {
            min0 = Math.min(min0, v);
        }
        int[] indices = new int[channels];
        float[] values = new float[channels];
        for (int c = 0; c < channels; c++) {
            indices[c] = c;
            values[c] = ablationValue(min0, c % batchSize);
        }
        double[] scores = model.scoreAblated(tensors.layer(), indices, values, batchSize);
        if (scores.length != channels) {
            throw new IllegalStateException("model returned " + scores.length + " scores for " + channels
                    + " ablated channels");
        }
        float s0 = (float) model.baseScore();
        double[] weights = new double[channels];
        if (s0 == 0 || !Float.isFinite(s0)) {
            return weights;
        }
        for (int c = 0; c < channels; c++) {
            weights[c] = (s0 - (float) scores[c]) / s0;
        }
        return weights;
    }

    /** The value upstream writes into the channel at position {@code positionInBatch} of a batch. */
    static float ablationValue(float min0, int positionInBatch) {
        if (min0 == 0f) {
            return 0f;
        }
        float value = min0;
        for (int i = 0; i <= positionInBatch; i++) {
            value = value - ABLATION_STEP;
        }
        return value;
    }
}
