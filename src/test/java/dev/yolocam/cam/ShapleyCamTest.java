package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.testing.OracleCase;
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

    /**
     * Upstream raises for several target layers at once (oracle 9b); yolocam takes each layer's product with only
     * that layer scaled, so each layer's map from a pass over several layers (a sweep) is its one-layer map.
     */
    @Test
    void eachOfSeveralLayersGetsItsOneLayerMap() {
        OracleCase c = OracleCase.all().stream().filter(o -> o.name().equals("shapes_a_320")).findFirst()
                .orElseThrow();
        Detector detector = new Detector(CamEngineOracleTest.model(c.weights()), InputSize.square(320),
                NmsOptions.defaults());
        CamMethod shapley = CamMethods.find("ShapleyCAM").orElseThrow();
        List<String> layers = CamEngineOracleTest.layers("Ldetin");
        SweepResult sweep = new CamEngine(detector, CamRequest.of(shapley, layers))
                .sweep(CamEngineOracleTest.oracleInput(c));
        for (int k = 0; k < layers.size(); k++) {
            float[] alone = new CamEngine(detector, CamRequest.of(shapley, List.of(layers.get(k))))
                    .explain(CamEngineOracleTest.oracleInput(c)).maps().get(0).input();
            // a one-layer explain scales the layer's map once more (the aggregation of one map)
            float[] fromSweep = CamMath.aggregate(List.of(sweep.maps().get(k).input()), CamMath.Aggregation.MEAN);
            assertArrayEquals(alone, fromSweep, 1e-5f, layers.get(k));
        }
    }
}
