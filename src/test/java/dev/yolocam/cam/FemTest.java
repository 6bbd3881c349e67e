package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.yolocam.cam.methods.Fem;
import org.junit.jupiter.api.Test;

/** FEM: a channel's weight is the share of its values above mean + k * std (population std). */
class FemTest {
    // channel 0: mean 1.75, std ~3.03 (mean + 2 std ~7.8: no value above; mean + 0.5 std ~3.3: only 7)
    // channel 1: mean 2.5, std ~1.12 (mean + 2 std ~4.7: none; mean + 0.5 std ~3.06: 4)
    private static final LayerTensors TWO_CHANNELS = new LayerTensors("layer", 2, 2, 2,
            new float[] {0, 0, 0, 7, 1, 2, 3, 4}, null);

    @Test
    void weightsAreTheShareOfValuesAboveTheThreshold() {
        float[] half = new Fem(0.5).layerMap(TWO_CHANNELS, false, null, CamOptions.defaults());
        // w = (1/4, 1/4): map = (0 + 1, 0 + 2, 0 + 3, 7 + 4) / 4
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f, 2.75f}, half, 1e-6f);
        float[] none = new Fem().layerMap(TWO_CHANNELS, false, null, CamOptions.defaults());
        assertArrayEquals(new float[4], none, 0f);
    }

    @Test
    void kZeroCountsTheValuesAboveTheMean() {
        float[] map = new Fem(0).layerMap(TWO_CHANNELS, false, null, CamOptions.defaults());
        // channel 0: 1 of 4 above 1.75; channel 1: 3 and 4 above 2.5
        assertArrayEquals(new float[] {0.5f, 1f, 1.5f, 3.75f}, map, 1e-6f);
    }
}
