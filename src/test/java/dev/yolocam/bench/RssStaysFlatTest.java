package dev.yolocam.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamMethods;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
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

    private static final int WARM_UP = 20;
    private static final int PASSES = 200;

    @Test
    void twoHundredGradCamPassesKeepResidentMemoryFlat() {
        Detector detector = shapesDetector();
        CamEngine engine = new CamEngine(detector, CamRequest.of(CamMethods.find("GradCAM").orElseThrow(),
                List.of("model.17", "model.23")), MemoryPolicy.standard());
        Detector.Prepared image = detector.prepare(Oracle.testdata().resolve("default/images/test_0001.png"));
        assertFlat("GradCAM passes", () -> engine.explain(image));
    }

    @Test
    void twoHundredDetectionsKeepResidentMemoryFlat() {
        Detector detector = shapesDetector();
        java.nio.file.Path image = Oracle.testdata().resolve("default/images/test_0001.png");
        assertFlat("detections", () -> detector.detect(image));
    }

    private static Detector shapesDetector() {
        assumeTrue(ProcessMemory.residentMiB() > 0, "RSS is only measurable on Linux");
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        return new Detector(model, InputSize.square(320), NmsOptions.defaults());
    }

    /** Runs {@code pass} after a warm-up and fails when RSS ever rises more than the bound above its warm level. */
    private static void assertFlat(String what, Runnable pass) {
        for (int i = 0; i < WARM_UP; i++) {
            pass.run();
        }
        long afterWarmUp = ProcessMemory.residentMiB();
        long max = afterWarmUp;
        for (int i = 0; i < PASSES; i++) {
            pass.run();
            max = Math.max(max, ProcessMemory.residentMiB());
        }
        System.out.printf("rss: %s after warm-up %d MiB, max over %d passes %d MiB%n", what, afterWarmUp, PASSES, max);
        assertTrue(max - afterWarmUp <= ALLOWED_GROWTH_MIB,
                "RSS grew from " + afterWarmUp + " to " + max + " MiB over " + PASSES + " " + what);
    }
}
