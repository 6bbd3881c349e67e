package dev.yolocam.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamMethods;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.model.MemoryPolicy;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ND4J frees native memory only when the GC runs: without the memory policy RSS grows by gigabytes over a few
 * hundred passes. 200 GradCAM passes must stay within a bound after warm-up (a bound, not a timing).
 */
class RssStaysFlatTest {
    private static final long ALLOWED_GROWTH_MIB = 256;

    @Test
    void twoHundredGradCamPassesKeepResidentMemoryFlat() {
        assumeTrue(ProcessMemory.residentMiB() > 0, "RSS is only measurable on Linux");
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        Detector detector = new Detector(model, new int[] {320}, NmsOptions.defaults());
        CamEngine engine = new CamEngine(detector, CamRequest.of(CamMethods.find("GradCAM").orElseThrow(),
                List.of("model.17", "model.23")), MemoryPolicy.standard());
        Detector.Prepared image = detector.prepare(Oracle.testdata().resolve("default/images/test_0001.png"));
        for (int i = 0; i < 20; i++) {
            engine.explain(image);
        }
        long afterWarmUp = ProcessMemory.residentMiB();
        long max = afterWarmUp;
        for (int i = 0; i < 200; i++) {
            engine.explain(image);
            max = Math.max(max, ProcessMemory.residentMiB());
        }
        System.out.printf("rss: after warm-up %d MiB, max over 200 passes %d MiB%n", afterWarmUp, max);
        assertTrue(max - afterWarmUp <= ALLOWED_GROWTH_MIB,
                "RSS grew from " + afterWarmUp + " to " + max + " MiB over 200 passes");
    }

    @Test
    void twoHundredDetectionsKeepResidentMemoryFlat() {
        assumeTrue(ProcessMemory.residentMiB() > 0, "RSS is only measurable on Linux");
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        Detector detector = new Detector(model, new int[] {320}, NmsOptions.defaults());
        java.nio.file.Path image = Oracle.testdata().resolve("default/images/test_0001.png");
        for (int i = 0; i < 20; i++) {
            detector.detect(image);
        }
        long afterWarmUp = ProcessMemory.residentMiB();
        long max = afterWarmUp;
        for (int i = 0; i < 200; i++) {
            detector.detect(image);
            max = Math.max(max, ProcessMemory.residentMiB());
        }
        System.out.printf("rss: detect after warm-up %d MiB, max over 200 passes %d MiB%n", afterWarmUp, max);
        assertTrue(max - afterWarmUp <= ALLOWED_GROWTH_MIB,
                "RSS grew from " + afterWarmUp + " to " + max + " MiB over 200 detections");
    }
}
