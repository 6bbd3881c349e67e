package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.yolocam.cam.methods.ChannelWeightCam;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A new method is one class: this one, written against the public API only (the channel weights of
 * {@link ChannelWeightCam}), runs through the whole engine like a built-in one. Weighing every channel by twice
 * GradCAM's weight must give GradCAM's final map, which the min-max scaling makes scale-free (up to its 1e-7
 * epsilon in {@code x / (1e-7 + max)}, a relative 1e-7 / max of the unscaled map).
 */
class ToyMethodTest {
    /** The toy: GradCAM's weights, doubled. */
    static final class DoubledGradCam extends ChannelWeightCam {
        @Override
        public String name() {
            return "DoubledGradCAM";
        }

        @Override
        public String summary() {
            return "twice GradCAM's channel weights (a test method)";
        }

        @Override
        public boolean usesGradients() {
            return true;
        }

        @Override
        protected double[] channelWeights(LayerTensors tensors, ModelAccess model, CamOptions options) {
            float[] g = gradient(tensors);
            double[] weights = new double[tensors.channels()];
            for (int c = 0; c < weights.length; c++) {
                double sum = 0;
                for (int i = c * tensors.pixels(); i < (c + 1) * tensors.pixels(); i++) {
                    sum += g[i];
                }
                weights[c] = 2 * (sum / tensors.pixels());
            }
            return weights;
        }
    }

    @Test
    void aToyMethodRunsThroughTheEngineLikeABuiltInOne() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        Detector detector = new Detector(model, InputSize.square(320), NmsOptions.defaults());
        Detector.Prepared image = detector.prepare(Oracle.testdata().resolve("default/images/test_0001.png"));
        List<String> layers = model.description().detectInputs();
        ExplainResult toy = new CamEngine(detector, CamRequest.of(new DoubledGradCam(), layers)).explain(image);
        ExplainResult gradCam = new CamEngine(detector, CamRequest.of(CamMethods.find("GradCAM").orElseThrow(),
                layers)).explain(image);
        assertFalse(toy.noDetections());
        assertEquals("DoubledGradCAM", toy.maps().get(0).method());
        float[] a = toy.maps().get(0).input();
        float[] b = gradCam.maps().get(0).input();
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-4f, "pixel " + i);
        }
        assertFalse(Arrays.equals(new float[a.length], a), "a map, not zeros");
    }
}
