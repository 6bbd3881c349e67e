package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.MapResize;
import dev.yolocam.cam.ModelAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * Score-CAM (Wang et al. 2020) as pytorch-grad-cam computes it: each activation channel is upsampled to the input
 * size with {@code UpsamplingBilinear2d} ({@code align_corners=True}), min-max normalised
 * ({@code (up - min) / (max - min + 1e-8)}, float32), multiplied into the input image, and the masked image is
 * scored with the target ({@code batchSize} images per forward pass); {@code w = softmax(scores)}.
 */
public final class ScoreCam extends ChannelWeightCam {
    private static final float EPSILON = 1e-8f;

    @Override
    public String name() {
        return "ScoreCAM";
    }

    @Override
    public String summary() {
        return "channel weights = softmax of the target score of the image masked by each channel (C forward passes)";
    }

    @Override
    public boolean usesGradients() {
        return false;
    }

    @Override
    protected double[] channelWeights(LayerTensors tensors, ModelAccess model, CamOptions options) {
        int channels = tensors.channels();
        int batchSize = Math.max(1, options.batchSize());
        double[] scores = new double[channels];
        for (int start = 0; start < channels; start += batchSize) {
            int end = Math.min(channels, start + batchSize);
            List<float[]> batch = new ArrayList<>(end - start);
            for (int c = start; c < end; c++) {
                batch.add(maskedInput(tensors, c, model));
            }
            double[] batchScores = model.scoreInputs(batch, batchSize);
            if (batchScores.length != batch.size()) {
                throw new IllegalStateException("model returned " + batchScores.length + " scores for "
                        + batch.size() + " inputs");
            }
            System.arraycopy(batchScores, 0, scores, start, batchScores.length);
        }
        return softmax(scores);
    }

    /** The input image (3, H, W) multiplied by channel c upsampled to (H, W) and scaled to [0, 1]. */
    private static float[] maskedInput(LayerTensors tensors, int c, ModelAccess model) {
        int h = model.inputHeight();
        int w = model.inputWidth();
        int pixels = tensors.pixels();
        float[] channel = new float[pixels];
        System.arraycopy(tensors.activation(), c * pixels, channel, 0, pixels);
        float[] mask = MapResize.bilinearAlignCorners(channel, tensors.height(), tensors.width(), h, w);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : mask) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = (max - min) + EPSILON;
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (mask[i] - min) / range;
        }
        float[] input = model.input();
        float[] masked = new float[input.length];
        for (int i = 0; i < masked.length; i++) {
            masked[i] = input[i] * mask[i % mask.length];
        }
        return masked;
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] weights = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            weights[i] = Math.exp(scores[i] - max);
            sum += weights[i];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        return weights;
    }
}
