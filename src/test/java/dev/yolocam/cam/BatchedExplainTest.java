package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.Letterbox;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.detect.RgbImage;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.metrics.MetricSet;
import dev.yolocam.metrics.MetricSubject;
import dev.yolocam.metrics.MetricsStage;
import dev.yolocam.model.MemoryPolicy;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Several images in one pass give each image the detections and maps of a pass of its own: each image's target
 * seeds only its own rows of the batched Detect output.
 */
class BatchedExplainTest {
    private static final List<String> DETECT_INPUTS = List.of("model.17", "model.20", "model.23");
    private static YoloModel model;
    private static Detector detector;
    private static List<Detector.Prepared> images;

    @BeforeAll
    static void load() {
        model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        detector = new Detector(model, InputSize.square(320), NmsOptions.defaults());
        images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            images.add(detector.prepare(Oracle.testdata().resolve("default/images/test_000" + i + ".png")));
        }
        images.add(blankImage());
    }

    /** A flat grey picture of the same input shape: nothing to detect. */
    private static Detector.Prepared blankImage() {
        int h = images.get(0).original().height();
        int w = images.get(0).original().width();
        byte[] grey = new byte[h * w * 3];
        Arrays.fill(grey, (byte) 114);
        RgbImage image = new RgbImage(w, h, grey);
        return new Detector.Prepared(Path.of("grey.png"), image, Letterbox.apply(image, 320, 320, model.stride()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GradCAM", "GradCAM++", "EigenCAM", "FullGrad"})
    void aBatchGivesEveryImageTheMapsOfItsOwnPass(String method) {
        CamRequest request = CamRequest.of(CamMethods.find(method).orElseThrow(), DETECT_INPUTS);
        CamEngine engine = new CamEngine(detector, request, new MemoryPolicy(1000));
        List<ExplainResult> batched = engine.explain(new ImageBatch(images));
        assertEquals(images.size(), batched.size());
        for (int i = 0; i < images.size(); i++) {
            assertSameResult(engine.explain(images.get(i)), batched.get(i), images.get(i).path() + " " + method);
        }
        assertTrue(batched.get(3).noDetections(), "the grey image has nothing to explain");
        assertFalse(batched.get(0).noDetections());
    }

    @Test
    void perDetectionMapsInABatchEqualThoseOfSinglePasses() {
        CamRequest request = CamRequest.builder(CamMethods.find("GradCAM").orElseThrow(), DETECT_INPUTS)
                .perDetection(true).build();
        CamEngine engine = new CamEngine(detector, request, new MemoryPolicy(1000));
        List<ExplainResult> batched = engine.explain(new ImageBatch(images.subList(0, 3)));
        int maps = 0;
        for (int i = 0; i < 3; i++) {
            ExplainResult single = engine.explain(images.get(i));
            maps += single.maps().size();
            assertSameResult(single, batched.get(i), images.get(i).path().toString());
        }
        assertTrue(maps > 3, "some image has several detections, explained one by one");
    }

    @Test
    void confidenceChangesMeasuredTogetherEqualThoseMeasuredOneMapAtATime() {
        CamRequest request = CamRequest.of(CamMethods.find("GradCAM").orElseThrow(), DETECT_INPUTS);
        CamEngine engine = new CamEngine(detector, request, new MemoryPolicy(1000));
        MetricsStage cheap = new MetricsStage(MetricSet.cheap(), 16);
        List<ExplainResult> batched = cheap.measure(engine.explain(new ImageBatch(images.subList(0, 3))));
        for (int i = 0; i < 3; i++) {
            CamMap map = batched.get(i).maps().get(0);
            Target target = new Target(request.targets(), map.explained(), classesOf(map));
            GraphModelAccess access = new GraphModelAccess(model, images.get(i), target,
                    batched.get(i).detections().raw());
            java.util.Map<String, Double> alone = cheap.measure(new MetricSubject(map.input(), access, List.of(),
                    List.of(), Optional::empty));
            // the confidence change, measured without the boxes the box-mass metrics need
            List<String> keys = List.of("target", "target_on_image_times_map", "confidence_change",
                    "relative_confidence_change");
            assertTrue(alone.keySet().containsAll(keys) && map.metrics().keySet().containsAll(keys));
            for (String key : keys) {
                assertEquals(alone.get(key), map.metrics().get(key), 1e-4 * Math.max(1, Math.abs(alone.get(key))),
                        images.get(i).path() + " " + key);
            }
        }
    }

    @Test
    void theConfidenceChangesOfABatchShareOnePassAndTheEngineMeasuresNothingItself() {
        CamRequest request = CamRequest.of(CamMethods.find("GradCAM").orElseThrow(), DETECT_INPUTS);
        List<ExplainResult> explained = new CamEngine(detector, request, new MemoryPolicy(1000))
                .explain(new ImageBatch(images.subList(0, 3)));
        assertTrue(explained.stream().flatMap(r -> r.maps().stream()).allMatch(m -> m.metrics().isEmpty()));
        PassCounter counter = new PassCounter("model.23");
        model.graph(new GraphSpec(3, 320, 320, Set.of())).addObserver(counter);
        List<ExplainResult> measured = new MetricsStage(MetricSet.cheap(), 16).measure(explained);
        assertEquals(1, counter.forwards, "forward passes for the masked images of three maps");
        assertTrue(measured.stream().flatMap(r -> r.maps().stream()).allMatch(m -> m.metrics().keySet().containsAll(
                List.of("target", "target_on_image_times_map", "confidence_change", "relative_confidence_change"))));
    }

    private static int[] classesOf(CamMap map) {
        return map.explained().stream().mapToInt(Detection::classId).distinct().sorted().toArray();
    }

    @Test
    void aBatchOfFourRunsOneForwardAndOneBackward() {
        CamRequest request = CamRequest.of(CamMethods.find("GradCAM").orElseThrow(), DETECT_INPUTS);
        YoloGraph graph = model.graph(new GraphSpec(4, 320, 320, Set.copyOf(DETECT_INPUTS)));
        PassCounter counter = new PassCounter("model.23");
        graph.addObserver(counter);
        new CamEngine(detector, request, new MemoryPolicy(1000)).explain(new ImageBatch(images));
        assertEquals(1, counter.forwards, "forward passes for four images");
        assertEquals(1, counter.backwards, "backward passes for four images");
    }

    @Test
    void batchedDetectionEqualsOneImageAtATime() {
        List<DetectionResult> batched = detector.detect(new ImageBatch(images));
        for (int i = 0; i < images.size(); i++) {
            DetectionResult single = detector.detect(ImageBatch.of(images.get(i))).get(0);
            assertSameDetections(single, batched.get(i), images.get(i).path().toString());
        }
    }

    private static void assertSameResult(ExplainResult single, ExplainResult batched, String what) {
        assertSameDetections(single.detections(), batched.detections(), what);
        assertEquals(single.noDetections(), batched.noDetections(), what);
        assertEquals(single.maps().size(), batched.maps().size(), what + ": maps");
        for (int m = 0; m < single.maps().size(); m++) {
            CamMap a = single.maps().get(m);
            CamMap b = batched.maps().get(m);
            assertEquals(a.detectionIndex(), b.detectionIndex(), what);
            assertTrue(a.max() > 0f, what + ": a map with something in it");
            assertEquals(0.0, maxAbsDiff(a.input(), b.input()), 1e-4, what + ": map in the input frame");
            assertEquals(0.0, maxAbsDiff(a.original(), b.original()), 1e-4, what + ": map in the original frame");
            assertEquals(a.targetValue(), b.targetValue(), 1e-4 * Math.max(1, Math.abs(a.targetValue())), what);
        }
    }

    private static void assertSameDetections(DetectionResult a, DetectionResult b, String what) {
        assertEquals(a.image(), b.image(), what);
        assertEquals(a.inOriginal().size(), b.inOriginal().size(), what + ": detections");
        for (int d = 0; d < a.inOriginal().size(); d++) {
            Detection x = a.inOriginal().get(d);
            Detection y = b.inOriginal().get(d);
            assertEquals(x.classId(), y.classId(), what);
            assertEquals(x.confidence(), y.confidence(), 1e-5, what);
            assertEquals(0.0, maxAbsDiff(new float[] {x.x1(), x.y1(), x.x2(), x.y2()},
                    new float[] {y.x1(), y.y1(), y.x2(), y.y2()}), 1e-3, what + ": box");
        }
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
