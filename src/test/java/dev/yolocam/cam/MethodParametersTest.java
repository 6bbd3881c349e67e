package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.UsageException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code --method NAME:name=value,...}: parameters reach the method; unknown or malformed ones are refused. */
class MethodParametersTest {
    @Test
    void kpcaCamTakesKernelAndGammaFromTheMethodName() {
        LayerTensors t = randomLayer();
        float[] rbf = CamMethods.parse("KPCA-CAM:kernel=rbf,gamma=0.1").orElseThrow()
                .layerMap(t, false, null, CamOptions.defaults());
        float[] direct = new dev.yolocam.cam.methods.KpcaCam(KernelProjection.Kernel.RBF, 0.1)
                .layerMap(t, false, null, CamOptions.defaults());
        float[] sigmoid = CamMethods.parse("kpca-cam").orElseThrow().layerMap(t, false, null, CamOptions.defaults());
        assertEquals(Arrays.toString(direct), Arrays.toString(rbf), "the parameters reach the method");
        assertNotEquals(Arrays.toString(sigmoid), Arrays.toString(rbf), "and change its map");
    }

    @Test
    void aMethodWithoutParametersIsTheRegisteredOne() {
        assertSame(CamMethods.find("GradCAM").orElseThrow(), CamMethods.parse(" gradcam ").orElseThrow());
    }

    @Test
    void unknownMalformedOrInvalidParametersAreRefusedByName() {
        assertTrue(message("GradCAM:alpha=1").contains("GradCAM has no parameter 'alpha'; it takes none"));
        assertTrue(message("KPCA-CAM:sigma=1").contains("it takes gamma, kernel"));
        assertTrue(message("KPCA-CAM:gamma").contains("'gamma' is not name=value"));
        assertTrue(message("KPCA-CAM:gamma=abc").contains("gamma must be a finite number, got 'abc'"));
        assertTrue(message("KPCA-CAM:gamma=-1").contains("gamma must be positive"));
        assertTrue(message("KPCA-CAM:kernel=poly").contains("kernel must be sigmoid or rbf"));
        assertTrue(message("KPCA-CAM:gamma=1,gamma=2").contains("given twice"));
    }

    @Test
    void femTakesKFromTheMethodName() {
        LayerTensors t = randomLayer();
        float[] k1 = CamMethods.parse("FEM:k=1").orElseThrow().layerMap(t, false, null, CamOptions.defaults());
        float[] direct = new dev.yolocam.cam.methods.Fem(1).layerMap(t, false, null, CamOptions.defaults());
        float[] k2 = CamMethods.parse("FEM").orElseThrow().layerMap(t, false, null, CamOptions.defaults());
        assertEquals(Arrays.toString(direct), Arrays.toString(k1), "the parameter reaches the method");
        assertNotEquals(Arrays.toString(k2), Arrays.toString(k1), "and changes its map");
    }

    @Test
    void badFemAndFinerCamParametersAreRefusedInOneLine() {
        assertEquals("yolocam: FEM parameter k must be 0 or more (standard deviations), got -1",
                message("FEM:k=-1"));
        assertEquals("yolocam: FEM parameter k must be a finite number, got 'two'", message("FEM:k=two"));
        assertEquals("yolocam: FEM has no parameter 'alpha'; it takes k", message("FEM:alpha=1"));
        assertEquals("yolocam: FinerCAM parameter alpha must be 0 or more, got -0.5",
                message("FinerCAM:alpha=-0.5"));
        assertEquals("yolocam: FinerCAM parameter alpha must be a finite number, got 'inf'",
                message("FinerCAM:alpha=inf"));
        String classes = "yolocam: FinerCAM parameter classes must be a whole number of comparison classes, 1 or more";
        assertEquals(classes + ", got 0", message("FinerCAM:classes=0"));
        assertEquals(classes + ", got 2.5", message("FinerCAM:classes=2.5"));
        assertEquals("yolocam: FinerCAM has no parameter 'k'; it takes alpha, classes", message("FinerCAM:k=3"));
        assertEquals("yolocam: ShapleyCAM has no parameter 'eps'; it takes none", message("ShapleyCAM:eps=0.1"));
        assertTrue(message("RefineCAM:layers=2").contains("RefineCAM has no parameter 'layers'"));
        for (String spec : List.of("FEM:k=-1", "FinerCAM:classes=0", "FinerCAM:alpha=-1")) {
            assertFalse(message(spec).contains("\n"), spec);
        }
    }

    @Test
    void anUnknownMethodIsEmptyWhateverItsParameters() {
        assertTrue(CamMethods.parse("NoSuchCAM:k=1").isEmpty());
    }

    private static String message(String spec) {
        return assertThrows(UsageException.class, () -> CamMethods.parse(spec)).getMessage();
    }

    private static LayerTensors randomLayer() {
        Random random = new Random(5);
        float[] activation = new float[8 * 6 * 5];
        for (int i = 0; i < activation.length; i++) {
            activation[i] = (float) random.nextGaussian();
        }
        return new LayerTensors("model.1", 8, 6, 5, activation, null);
    }
}
