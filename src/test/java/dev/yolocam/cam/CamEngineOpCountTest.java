package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Counts executed ops: a gradient map costs one forward and one backward; per-detection one backward each. */
class CamEngineOpCountTest {
    private static YoloModel model;
    private static Path image;

    @BeforeAll
    static void load() {
        model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        image = Oracle.testdata().resolve("default/images/test_0001.png");
    }

    private PassCounter countOn(CamRequest request) {
        YoloGraph graph = model.graph(new GraphSpec(1, 320, 320, Set.copyOf(request.layers())));
        PassCounter counter = new PassCounter("model.23");
        graph.addObserver(counter);
        return counter;
    }

    @Test
    void gradCamRunsOneForwardAndOneBackwardPerImage() {
        CamRequest request = CamRequest.of(CamMethods.find("GradCAM").orElseThrow(), List.of("model.23"));
        PassCounter counter = countOn(request);
        Detector detector = new Detector(model, InputSize.square(320), NmsOptions.defaults());
        ExplainResult result = new CamEngine(detector, request, new dev.yolocam.model.MemoryPolicy(1000))
                .explain(detector.prepare(image));
        assertFalse(result.noDetections());
        assertEquals(1, counter.forwards, "forward passes through the gradient graph");
        assertEquals(1, counter.backwards, "backward passes");
    }

    @Test
    void perDetectionModeRunsOneBackwardPerDetection() {
        CamRequest request = CamRequest.builder(CamMethods.find("GradCAM").orElseThrow(), List.of("model.23"))
                .perDetection(true).build();
        PassCounter counter = countOn(request);
        Detector detector = new Detector(model, InputSize.square(320), NmsOptions.defaults());
        ExplainResult result = new CamEngine(detector, request, new dev.yolocam.model.MemoryPolicy(1000))
                .explain(detector.prepare(image));
        int detections = result.detections().inInput().size();
        assertTrue(detections >= 2, "the test image has several detections");
        assertEquals(detections, result.maps().size(), "one map per detection");
        assertEquals(detections, counter.backwards, "one backward per detection");
    }
}
