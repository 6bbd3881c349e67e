package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.metrics.BoxMass;
import dev.yolocam.metrics.MetricSet;
import dev.yolocam.metrics.MetricsStage;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Instance-specific maps on the embedded shapes model and its 6 sample images, every method explaining each kept
 * detection on its own over the default layers (the Detect inputs): the share of each map's mass in its own box and
 * in the other detections' boxes ({@link BoxMass}). ODAM must keep to its own object; GradCAM, whose gradient is
 * averaged over the whole layer, does not. Prints the per-image numbers and the means.
 */
class InstanceMapsOnShapesTest {
    private static final List<String> IMAGES = List.of("test_0000.png", "test_0001.png", "test_0002.png",
            "test_0003.png", "test_0004.png", "test_0005.png");
    private static YoloModel model;
    private static Detector detector;

    @BeforeAll
    static void load() {
        model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        detector = new Detector(model, InputSize.square(320), NmsOptions.defaults());
    }

    @Test
    void odamMapsKeepToTheirOwnDetectionAndGradCamMapsDoNot() {
        Masses odam = measure(CamRequest.of(method("ODAM"), model.description().detectInputs()));
        Masses gradCam = measure(perDetection("GradCAM"));
        Masses hiResCam = measure(perDetection("HiResCAM"));
        assertEquals(gradCam.detections(), odam.detections(), "one ODAM map per detection by default");
        assertTrue(odam.own() >= 0.90, "ODAM own-box mass " + odam.own());
        assertTrue(odam.other() <= 0.05, "ODAM other-box mass " + odam.other());
        assertTrue(odam.own() > gradCam.own() + 0.3, "ODAM " + odam.own() + " vs GradCAM " + gradCam.own());
        assertTrue(hiResCam.own() > gradCam.own(), "HiResCAM " + hiResCam.own() + " vs GradCAM " + gradCam.own());
    }

    /** The mean own- and other-box mass over every detection of the images. */
    private record Masses(int detections, double own, double other) {
    }

    private static CamMethod method(String name) {
        return CamMethods.find(name).orElseThrow();
    }

    private static CamRequest perDetection(String method) {
        return CamRequest.builder(method(method), model.description().detectInputs()).perDetection(true).build();
    }

    private static Masses measure(CamRequest request) {
        String method = request.method().name();
        CamEngine engine = new CamEngine(detector, request);
        MetricsStage boxMass = new MetricsStage(new MetricSet(List.of(new BoxMass())), 16);
        List<Double> own = new ArrayList<>();
        List<Double> other = new ArrayList<>();
        for (String name : IMAGES) {
            Path image = image(name);
            ExplainResult result = boxMass.measure(List.of(engine.explain(image))).get(0);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s %s %d detections:", method,
                    name, result.maps().size()));
            for (CamMap map : result.maps()) {
                double o = map.metrics().get("own_box_mass");
                double x = map.metrics().getOrDefault("other_box_mass", 0.0);
                own.add(o);
                other.add(x);
                line.append(String.format(Locale.ROOT, " %.3f/%.3f", o, x));
            }
            System.out.println(line);
        }
        Masses masses = new Masses(own.size(), mean(own), mean(other));
        System.out.printf(Locale.ROOT, "%-9s mean over %d detections: own %.3f, other %.3f%n", method,
                masses.detections(), masses.own(), masses.other());
        return masses;
    }

    private static Path image(String name) {
        return Oracle.testdata().resolve("default/images").resolve(name);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
