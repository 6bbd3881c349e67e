package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ScoreCAM, AblationCAM and RandomCAM against a {@link FakeModel} whose scores are known. */
class PerturbationMethodsTest {
    private static final int CHANNELS = 5;
    private static final int H = 2;
    private static final int W = 3;
    /** Activation minimum -0.278 (about SiLU's), as in YOLOv5 layers. */
    private static final float[] ACTIVATION = {
        0.1f, 0.5f, -0.278f, 2f, 1f, 0f,
        3f, 3f, 3f, 3f, 3f, 3f,
        -0.2f, 0.4f, 0.9f, 1.5f, 0.3f, 0.2f,
        5f, 4f, 3f, 2f, 1f, 0f,
        0f, 0f, 0f, 0f, 0f, 1f};

    private final LayerTensors tensors = new LayerTensors("model.23", CHANNELS, H, W, ACTIVATION, null);

    @Test
    void scoreCamScoresChannelMaskedInputsInBatchesAndWeighsChannelsBySoftmax() {
        FakeModel model = FakeModel.of(4, 5, CHANNELS);
        float[] map = method("ScoreCAM").layerMap(tensors, false, model, new CamOptions(2, 0));
        assertEquals(List.of(2, 2, 1), model.inputBatchSizes);
        assertEquals(List.of(2, 2, 2), model.requestedBatchSizes);
        double[] scores = model.scoredInputs.stream().mapToDouble(model::score).toArray();
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(s);
        }
        float[] expected = new float[H * W];
        for (int i = 0; i < H * W; i++) {
            double v = 0;
            for (int c = 0; c < CHANNELS; c++) {
                v += Math.exp(scores[c]) / sum * ACTIVATION[c * H * W + i];
            }
            expected[i] = (float) v;
        }
        assertArrayEquals(expected, map, 1e-5f);
    }

    @Test
    void scoreCamMasksAreAlignCornersUpsampledChannelsScaledToTheUnitInterval() {
        FakeModel model = FakeModel.of(4, 5, CHANNELS);
        method("ScoreCAM").layerMap(tensors, false, model, new CamOptions(16, 0));
        float[] input = model.input();
        int plane = 4 * 5;
        for (int c = 0; c < CHANNELS; c++) {
            float[] masked = model.scoredInputs.get(c);
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < H * W; i++) {
                min = Math.min(min, ACTIVATION[c * H * W + i]);
                max = Math.max(max, ACTIVATION[c * H * W + i]);
            }
            // align_corners=True: the four corners of the input see the four corner activations exactly.
            int[][] corners = {{0, 0, 0}, {0, 4, W - 1}, {3 * 5, 0, (H - 1) * W}, {3 * 5 + 4, 0, H * W - 1}};
            for (int[] corner : corners) {
                int pixel = corner[0] + corner[1];
                float activation = ACTIVATION[c * H * W + corner[2]];
                float expectedMask = (activation - min) / ((max - min) + 1e-8f);
                for (int channel = 0; channel < 3; channel++) {
                    int i = channel * plane + pixel;
                    assertEquals(input[i] * expectedMask, masked[i], 1e-6f, "channel " + c + " pixel " + pixel);
                }
            }
        }
    }

    @Test
    void ablationCamAblatesEveryChannelWithUpstreamsValuesAndWeighsByRelativeScoreDrop() {
        FakeModel model = FakeModel.of(4, 5, CHANNELS);
        float[] map = method("AblationCAM").layerMap(tensors, false, model, new CamOptions(3, 0));
        assertEquals("model.23", model.ablatedLayer);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, model.ablatedChannels);
        // min0 = -0.278; element i of a batch of 3 gets min0 - 1e7 (i + 1) in float32, where floats are 1 or 2 apart.
        assertArrayEquals(new float[] {-1e7f, -2e7f, -3e7f, -1e7f, -2e7f}, model.ablatedValues);
        assertEquals(List.of(3), model.requestedBatchSizes);
        float[] expected = new float[H * W];
        for (int i = 0; i < H * W; i++) {
            double v = 0;
            for (int c = 0; c < CHANNELS; c++) {
                float weight = (1f - (float) (1 - c / 10.0)) / 1f; // (s0 - s_c) / s0 with s0 = 1
                v += (double) weight * ACTIVATION[c * H * W + i];
            }
            expected[i] = (float) v;
        }
        assertArrayEquals(expected, map, 1e-6f);
    }

    @Test
    void ablationValuesKeepSubtractingTheStepFromTheRunningMinimum() {
        FakeModel model = FakeModel.of(4, 5, CHANNELS);
        float[] shifted = ACTIVATION.clone();
        shifted[2] = -3.5e7f;
        method("AblationCAM").layerMap(new LayerTensors("l", CHANNELS, H, W, shifted, null), false, model,
                new CamOptions(32, 0));
        float expected = -3.5e7f;
        for (int i = 0; i < CHANNELS; i++) {
            expected -= 1e7f;
            assertEquals(expected, model.ablatedValues[i]);
        }
    }

    @Test
    void ablationCamSetsChannelsToZeroWhenTheMinimumActivationIsZero() {
        float[] nonNegative = ACTIVATION.clone();
        for (int i = 0; i < nonNegative.length; i++) {
            nonNegative[i] = Math.abs(nonNegative[i]);
        }
        FakeModel model = FakeModel.of(4, 5, CHANNELS);
        method("AblationCAM").layerMap(new LayerTensors("l", CHANNELS, H, W, nonNegative, null), false, model,
                CamOptions.defaults());
        assertArrayEquals(new float[CHANNELS], model.ablatedValues);
    }

    @Test
    void ablationCamGivesAZeroMapInsteadOfNaNWhenTheBaseScoreIsZero() {
        FakeModel model = FakeModel.of(4, 5, CHANNELS).withBaseScore(0);
        float[] map = method("AblationCAM").layerMap(tensors, false, model, CamOptions.defaults());
        assertArrayEquals(new float[H * W], map);
    }

    @Test
    void randomCamDrawsReproducibleWeightsInTheOpenUnitInterval() {
        // One-hot channels: pixel c of the map is channel c's weight.
        int channels = 6;
        float[] oneHot = new float[channels * channels];
        for (int c = 0; c < channels; c++) {
            oneHot[c * channels + c] = 1;
        }
        LayerTensors t = new LayerTensors("model.17", channels, 1, channels, oneHot, null);
        CamMethod random = method("RandomCAM");
        float[] first = random.layerMap(t, false, null, new CamOptions(16, 42));
        assertArrayEquals(first, random.layerMap(t, false, null, new CamOptions(16, 42)));
        assertFalse(java.util.Arrays.equals(first, random.layerMap(t, false, null, new CamOptions(16, 43))));
        boolean positive = false;
        boolean negative = false;
        for (float w : first) {
            assertTrue(w > -1 && w < 1, "weight " + w);
            positive |= w > 0;
            negative |= w < 0;
        }
        assertTrue(positive && negative, "uniform(-1, 1) weights of both signs");
    }

    private static CamMethod method(String name) {
        return CamMethods.find(name).orElseThrow();
    }
}
