package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.UsageException;
import java.util.Arrays;
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
