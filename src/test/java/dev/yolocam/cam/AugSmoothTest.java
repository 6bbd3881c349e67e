package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageLoader;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.Letterbox;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.detect.RgbImage;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * aug_smooth averages over flip x brightness, so for a target-independent method the smoothed map of a mirrored
 * image is the mirrored smoothed map: the six variants of both images are the same six pictures.
 */
class AugSmoothTest {
    @Test
    void smoothedEigenCamIsMirrorEquivariantAndDiffersFromThePlainMap() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        Detector detector = new Detector(model, InputSize.square(320), NmsOptions.defaults());
        Path file = Oracle.testdata().resolve("default/images/test_0001.png");
        RgbImage image = ImageLoader.load(file);
        RgbImage mirrored = mirror(image);
        CamRequest plain = CamRequest.of(CamMethods.find("EigenCAM").orElseThrow(), List.of("model.17", "model.23"));
        CamRequest smooth = plain.toBuilder().augSmooth(true).build();

        float[] original = explain(detector, smooth, file, image);
        float[] ofMirror = explain(detector, smooth, file, mirrored);
        float[] unsmoothed = explain(detector, plain, file, image);

        float[] back = new Augmentation(true, 1f).undo(ofMirror, 320, 320);
        assertTrue(MapComparison.maxAbsDiff(original, back) <= 1e-4,
                "max diff " + MapComparison.maxAbsDiff(original, back));
        assertFalse(MapComparison.maxAbsDiff(original, unsmoothed) <= 1e-3, "smoothing changes the map");
    }

    private static float[] explain(Detector detector, CamRequest request, Path file, RgbImage image) {
        Detector.Prepared prepared = new Detector.Prepared(file, image, Letterbox.apply(image, 320, 320, 32));
        ExplainResult result = new CamEngine(detector, request).explain(prepared);
        return result.maps().get(0).input();
    }

    private static RgbImage mirror(RgbImage image) {
        byte[] out = new byte[image.pixels().length];
        int w = image.width();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(image.pixels(), (y * w + x) * 3, out, (y * w + (w - 1 - x)) * 3, 3);
            }
        }
        return new RgbImage(w, image.height(), out);
    }
}
