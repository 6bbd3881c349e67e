package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.yolocam.errors.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RefineCAM combines its layers' Grad-CAM++ maps by their product, not by the engine's mean. */
class RefineCamTest {
    private final CamMethod refine = CamMethods.find("RefineCAM").orElseThrow();

    @Test
    void layersAreMultipliedThenScaled() {
        float[] first = {0f, 0.5f, 1f, 0.25f};
        float[] second = {1f, 0.5f, 0.2f, 0f};
        float[] product = new float[4];
        float[] a = CamMath.aggregate(List.of(first), CamMath.Aggregation.MEAN);
        float[] b = CamMath.aggregate(List.of(second), CamMath.Aggregation.MEAN);
        for (int i = 0; i < 4; i++) {
            product[i] = a[i] * b[i];
        }
        assertArrayEquals(CamMath.scale(product), refine.aggregate(List.of(first, second),
                CamMath.Aggregation.MEAN), 0f);
        // the mean would keep the pixels where only one layer responds
        assertEquals(0f, refine.aggregate(List.of(first, second), CamMath.Aggregation.MEAN)[0]);
    }

    @Test
    void oneLayerIsGradCamPlusPlus() {
        LayerTensors t = new LayerTensors("layer", 2, 2, 2, new float[] {1, 2, 3, 4, 4, 3, 2, 1},
                new float[] {0.5f, -0.1f, 0.2f, 0.3f, -0.4f, 0.1f, 0.6f, 0.2f});
        CamMethod plusPlus = CamMethods.find("GradCAM++").orElseThrow();
        float[] layer = plusPlus.layerMap(t, false, null, CamOptions.defaults());
        assertArrayEquals(layer, refine.layerMap(t, false, null, CamOptions.defaults()), 0f);
        float[] scaled = CamMath.scaleCam(CamMath.relu(layer), 2, 2, 4, 4);
        assertArrayEquals(plusPlus.aggregate(List.of(scaled), CamMath.Aggregation.MEAN),
                refine.aggregate(List.of(scaled), CamMath.Aggregation.MEAN), 1e-6f);
    }

    @Test
    void anotherAggregationIsRefusedByName() {
        UsageException e = assertThrows(UsageException.class, () -> refine.aggregate(List.of(new float[4]),
                CamMath.Aggregation.MAX));
        assertEquals("yolocam: RefineCAM combines its layers by their product; --aggregate max does not apply",
                e.getMessage());
    }
}
