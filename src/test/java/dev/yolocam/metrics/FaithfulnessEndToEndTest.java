package dev.yolocam.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamMethods;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric on the embedded shapes model and a sample image with its label file: GradCAM on the three Detect
 * inputs against the RandomCAM baseline. Prints the numbers; checks that they are all there, finite, and that
 * GradCAM puts more of its energy on the labelled objects than RandomCAM.
 */
class FaithfulnessEndToEndTest {
    private static final List<String> LAYERS = List.of("model.17", "model.20", "model.23");
    private static YoloModel model;
    private static Path image;

    @BeforeAll
    static void load() {
        model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        image = Oracle.testdata().resolve("default/images/test_0001.png");
    }

    @Test
    void gradCamBeatsRandomCamOnThePointingGameAndEveryMetricIsReported() {
        Map<String, Double> grad = metrics("GradCAM");
        Map<String, Double> random = metrics("RandomCAM");
        for (Map<String, Double> m : List.of(grad, random)) {
            assertEquals(List.of("target", "target_on_image_times_map", "confidence_change",
                    "relative_confidence_change", "road_most_relevant_first", "road_least_relevant_first",
                    "deletion_auc", "insertion_auc", "pointing_game_energy", "own_box_mass"), List.copyOf(m.keySet()));
            m.values().forEach(v -> assertTrue(Double.isFinite(v), m.toString()));
            double energy = m.get("pointing_game_energy");
            assertTrue(energy >= 0 && energy <= 1, "energy " + energy);
        }
        assertTrue(grad.get("pointing_game_energy") > random.get("pointing_game_energy") + 0.1,
                "GradCAM " + grad.get("pointing_game_energy") + " vs RandomCAM "
                        + random.get("pointing_game_energy"));
    }

    private static Map<String, Double> metrics(String method) {
        Detector detector = new Detector(model, InputSize.square(320), NmsOptions.defaults());
        CamRequest request = CamRequest.of(CamMethods.find(method).orElseThrow(), LAYERS);
        long start = System.nanoTime();
        ExplainResult result = new MetricsStage(MetricSet.all(), 16)
                .measure(List.of(new CamEngine(detector, request).explain(image))).get(0);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(result.noDetections());
        Map<String, Double> metrics = result.maps().get(0).metrics();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s layers 17/20/23 (%d ms):", method,
                millis));
        metrics.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
        System.out.println(line);
        return metrics;
    }
}
