package dev.yolocam.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.CamMethods;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.detect.Detection;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stage runs any metric of one class, in the set's order, and hands each the facts of its own map. */
class MetricsStageTest {
    /** A metric of one class: the map's mean, and the subjects it was shown. */
    private static final class MapMean implements PerMapMetric {
        final List<MetricSubject> seen = new ArrayList<>();

        @Override
        public String name() {
            return "map_mean";
        }

        @Override
        public boolean cheap() {
            return true;
        }

        @Override
        public Map<String, Double> measure(MetricSubject map, int batchSize) {
            seen.add(map);
            double sum = 0;
            for (float v : map.map()) {
                sum += v;
            }
            return Map.of("map_mean", sum / map.map().length);
        }
    }

    @Test
    void aMetricOfOneClassRunsInTheStageAfterTheMetricsBeforeIt() {
        BoxMeanModel model = BoxMeanModel.whiteSquare(8, 8, 2, 2, 6, 6);
        float[] map = model.boxMap(0, 0, 8, 4);
        MetricSet set = new MetricSet(List.of(new ConfidenceChange(), new MapMean()));
        Map<String, Double> measured = new MetricsStage(set, 4).measure(new MetricSubject(map, model, List.of(),
                List.of(), Optional::empty));
        assertEquals(List.of("target", "target_on_image_times_map", "confidence_change", "relative_confidence_change",
                "map_mean"), List.copyOf(measured.keySet()));
        assertEquals(0.5, measured.get("map_mean"), 1e-12);
    }

    @Test
    void eachPerDetectionMapExplainsItsOwnDetectionAndSeesTheOthersApart() {
        YoloModel yolo = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        Detector detector = new Detector(yolo, InputSize.square(320), NmsOptions.defaults());
        CamRequest request = CamRequest.builder(CamMethods.find("GradCAM").orElseThrow(), List.of("model.23"))
                .perDetection(true).build();
        ExplainResult result = new CamEngine(detector, request)
                .explain(Oracle.testdata().resolve("default/images/test_0001.png"));
        MapMean mean = new MapMean();
        ExplainResult measured = new MetricsStage(new MetricSet(List.of(mean)), 16).measure(List.of(result)).get(0);
        List<Detection> all = result.detections().inInput();
        assertTrue(all.size() >= 2, "the image has several detections");
        assertEquals(all.size(), mean.seen.size(), "one subject per map");
        for (int i = 0; i < all.size(); i++) {
            CamMap map = measured.maps().get(i);
            MetricSubject subject = mean.seen.get(i);
            Detection own = all.get(map.detectionIndex());
            assertEquals(List.of(own), subject.explained());
            assertEquals(all.stream().filter(d -> d != own).toList(), subject.others());
            assertTrue(subject.labelled().isPresent(), "test_0001 has a label file");
            assertEquals(Map.of("map_mean", mean.measure(subject, 1).get("map_mean")), map.metrics());
        }
    }
}
