package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.detect.Letterbox;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.detect.RgbImage;
import dev.yolocam.errors.YolocamException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How images are grouped into passes, and what a failure costs the others. */
class ImageRunTest {
    private final List<List<String>> passes = new ArrayList<>();
    /** Images of one pass are written side by side, so in any order. */
    private final List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
    private final StringWriter err = new StringWriter();

    /** "sq…" images are square, "wide…" images letterbox to another shape, "bad…" images fail to decode. */
    private static Detector.Prepared prepare(Path path) {
        String name = path.toString();
        if (name.startsWith("bad")) {
            throw new YolocamException(path, "not an image");
        }
        RgbImage image = name.startsWith("wide") ? new RgbImage(64, 32, new byte[64 * 32 * 3])
                : new RgbImage(64, 64, new byte[64 * 64 * 3]);
        return new Detector.Prepared(path, image, Letterbox.apply(image, 64, 64, 32));
    }

    private int run(int imagesPerPass, ImageRun.Pass<String> pass, String... names) {
        RunOptions quiet = new RunOptions();
        quiet.quiet = true;
        ImageRun run = new ImageRun(new PrintWriter(err, true), quiet, NmsOptions.defaults(), ImageRun.Product.MAPS);
        return run.run(Stream.of(names).map(Path::of).toList(), imagesPerPass, ImageRunTest::prepare, pass,
                (image, result) -> {
                    written.add(result);
                    return new ImageRun.Counts(0, 1);
                }, "out");
    }

    private List<String> recordPass(ImageBatch batch) {
        List<String> names = batch.images().stream().map(p -> p.path().toString()).toList();
        passes.add(names);
        return names;
    }

    @Test
    void consecutiveImagesOfOneShapeShareAPassAndStragglersGoAlone() {
        int code = run(2, this::recordPass, "sq1", "sq2", "wide1", "sq3", "sq4", "sq5", "wide2", "wide3", "sq6");
        assertEquals(Main.OK, code);
        assertEquals(List.of(List.of("sq1", "sq2"), List.of("wide1"), List.of("sq3", "sq4"), List.of("sq5"),
                List.of("wide2", "wide3"), List.of("sq6")), passes);
        assertEquals(List.of("sq1", "sq2", "sq3", "sq4", "sq5", "sq6", "wide1", "wide2", "wide3"),
                written.stream().sorted().toList(), "every image written once");
    }

    @Test
    void oneImagePerPassRunsEveryImageAlone() {
        run(1, this::recordPass, "sq1", "sq2", "sq3");
        assertEquals(List.of(List.of("sq1"), List.of("sq2"), List.of("sq3")), passes);
    }

    @Test
    void anUndecodableImageIsReportedAndTheOthersStillShareAPass() {
        int code = run(2, this::recordPass, "sq1", "bad.png", "sq2");
        assertEquals(Main.FAILURE, code);
        assertEquals(List.of(List.of("sq1", "sq2")), passes);
        assertTrue(err.toString().contains("bad.png") && err.toString().contains("not an image"), err.toString());
    }

    @Test
    void aFailedPassFailsItsImagesOnlyAndTheRunGoesOn() {
        int code = run(2, batch -> {
            if (batch.images().get(0).path().toString().equals("sq1")) {
                throw new YolocamException(null, "the pass failed");
            }
            return recordPass(batch);
        }, "sq1", "sq2", "sq3", "sq4");
        assertEquals(Main.FAILURE, code);
        assertEquals(List.of("sq3", "sq4"), written.stream().sorted().toList());
        assertEquals(1, err.toString().lines().filter(l -> l.contains("the pass failed")).count(), err.toString());
    }
}
