package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ShapleyCAM's Hessian-vector product by central difference: exact (up to float rounding) for a target that is
 * quadratic in the layer, where {@code G = q A + l} and {@code H A = q A}, so {@code w_c = mean(q A / 2 + l)}.
 */
class ShapleyCamTest {
    @Test
    void weightsAreTheMeanOfGradientMinusHalfTheHessianTimesActivation() {
        int c = 2;
        int h = 2;
        int w = 3;
        float[] a = new float[c * h * w];
        float[] q = new float[a.length];
        float[] l = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 7 % 5) - 1.5f;
            q[i] = ((i * 3 % 7) - 3) / 2f;
            l[i] = ((i * 5 % 11) - 5) / 10f;
        }
        FakeModel model = FakeModel.of(8, 8, c).withQuadraticTarget(a, q, l);
        LayerTensors t = new LayerTensors("model.9", c, h, w, a, model.gradient());
        float[] map = CamMethods.find("ShapleyCAM").orElseThrow().layerMap(t, false, model, CamOptions.defaults());

        int pixels = h * w;
        float[] expected = new float[pixels];
        for (int ch = 0; ch < c; ch++) {
            double weight = 0;
            for (int i = ch * pixels; i < (ch + 1) * pixels; i++) {
                weight += q[i] * a[i] / 2 + l[i];
            }
            weight /= pixels;
            for (int p = 0; p < pixels; p++) {
                expected[p] += (float) (weight * a[ch * pixels + p]);
            }
        }
        assertArrayEquals(expected, map, 1e-4f);
        assertEquals(List.of(1.01f, 0.99f), model.gradientFactors, "one pass at (1 +- 0.01) x the layer output");
    }
}
