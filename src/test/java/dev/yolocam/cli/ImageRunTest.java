package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.detect.Letterbox;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.detect.PictureReader;
import dev.yolocam.detect.RgbImage;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.OutputDirectory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How images are grouped into passes, and what a failure costs the others. */
class ImageRunTest {
    private final List<List<String>> passes = new ArrayList<>();
    /** Images of one pass are written side by side, so in any order. */
    private final List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> stems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final StringWriter err = new StringWriter();
    @TempDir
    Path temp;

    /**
     * "sq…" images are square, "wide…" images letterbox to another shape, "bad…" images fail to decode; "vidN" is
     * a square video of N frames, "cutN" one whose data breaks off after N frames.
     */
    private static PictureReader open(Path path) {
        String name = path.toString();
        if (name.startsWith("bad")) {
            throw new YolocamException(path, "not an image");
        }
        if (name.startsWith("vid") || name.startsWith("cut")) {
            return new FakeVideo(path, Integer.parseInt(name.substring(3)), name.startsWith("cut"));
        }
        return PictureReader.single(SourceImage.still(path, name.startsWith("wide")
                ? new RgbImage(64, 32, new byte[64 * 32 * 3]) : new RgbImage(64, 64, new byte[64 * 64 * 3])));
    }

    /** Square frames whose first byte is their frame number. */
    private static final class FakeVideo implements PictureReader {
        private final Path path;
        private final int frames;
        private final boolean breaksOff;
        private int next;

        FakeVideo(Path path, int frames, boolean breaksOff) {
            this.path = path;
            this.frames = frames;
            this.breaksOff = breaksOff;
        }

        @Override
        public SourceImage next() {
            if (next == frames) {
                if (breaksOff) {
                    throw new YolocamException(path, "the data breaks off");
                }
                return null;
            }
            byte[] pixels = new byte[64 * 64 * 3];
            pixels[0] = (byte) next;
            return new SourceImage(path, next++, new RgbImage(64, 64, pixels));
        }

        @Override
        public int expected() {
            return frames;
        }

        @Override
        public OptionalDouble frameRate() {
            return OptionalDouble.of(10);
        }

        @Override
        public void close() {
        }
    }

    private static Detector.Prepared prepare(SourceImage picture) {
        return new Detector.Prepared(picture.file(), picture.pixels(), Letterbox.apply(picture.pixels(), 64, 64, 32));
    }

    private int run(int imagesPerPass, ImageRun.Pass<String> pass, String... names) {
        return run(imagesPerPass, pass, null, temp.resolve("out"), names);
    }

    private int run(int imagesPerPass, ImageRun.Pass<String> pass, ImageRun.Annotator<String> annotator, Path out,
                    String... names) {
        RunOptions quiet = new RunOptions();
        quiet.quiet = true;
        return new ImageRun(new PrintWriter(err, true), quiet, NmsOptions.defaults(), ImageRun.Product.MAPS,
                ImageRunTest::open, ImageRunTest::prepare, OutputDirectory.claim(out, true)).run(Stream.of(names).map(Path::of).toList(),
                imagesPerPass, new ImageRun.Job<>(pass, (picture, result) -> {
                    written.add(result);
                    stems.add(picture.stem());
                    return new ImageRun.Counts(0, 1);
                }, annotator));
    }

    /** Names a batch's pictures: the file, and for a video frame "#" and its number. */
    private List<String> recordPass(ImageBatch batch) {
        List<String> names = batch.images().stream().map(ImageRunTest::name).toList();
        passes.add(names);
        return names;
    }

    private static String name(Detector.Prepared p) {
        String file = p.path().toString();
        boolean video = file.startsWith("vid") || file.startsWith("cut");
        return video ? file + "#" + p.original().pixels()[0] : file;
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

    @Test
    void framesOfAVideoShareAPassLikeImagesAndAreNamedByTheirNumber() {
        int code = run(2, this::recordPass, "sq1", "vid3", "sq2");
        assertEquals(Main.OK, code);
        assertEquals(List.of(List.of("sq1", "vid3#0"), List.of("vid3#1", "vid3#2"), List.of("sq2")), passes);
        assertEquals(List.of("sq1", "sq2", "vid3_000000", "vid3_000001", "vid3_000002"),
                stems.stream().sorted().toList());
    }

    @Test
    void aVideoThatBreaksOffIsReportedOnceAndTheFilesAfterItGoOn() {
        int code = run(2, this::recordPass, "cut2", "sq1");
        assertEquals(Main.FAILURE, code);
        assertEquals(List.of("cut2#0", "cut2#1", "sq1"), written.stream().sorted().toList());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("cut2: the data breaks off"), err.toString());
    }

    @Test
    void theAnnotatedCopyHoldsEveryFrameInOrderThoughABatchIsWrittenSideBySide() throws Exception {
        // Frame k is drawn in grey level 100 * k; a batch of three is written in parallel, appended in order.
        int code = run(3, this::recordPass, result -> grey(100 * (result.charAt(result.length() - 1) - '0')),
                temp, "vid3");
        assertEquals(Main.OK, code, err.toString());
        List<Integer> greys = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(temp.resolve("vid3.mp4").toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                greys.add(((java.nio.ByteBuffer) frame.image[0]).get(32 * frame.imageStride + 32) & 0xFF);
            }
            grabber.stop();
        }
        assertEquals(3, greys.size(), greys.toString());
        for (int k = 0; k < 3; k++) {
            assertEquals(100 * k, greys.get(k), 12, "frame " + k + " of " + greys);
        }
    }

    @Test
    void aVideoWithAFailedFrameGetsNoAnnotatedCopy() throws IOException {
        int code = run(1, batch -> {
            if (name(batch.get(0)).equals("vid3#1")) {
                throw new YolocamException(null, "the pass failed");
            }
            return recordPass(batch);
        }, result -> grey(0), temp, "vid3");
        assertEquals(Main.FAILURE, code);
        assertEquals(List.of("vid3#0", "vid3#2"), written.stream().sorted().toList());
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(), files.toList(), "neither the video nor its temporary file");
        }
    }

    private static BufferedImage grey(int level) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(level, level, level));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        return image;
    }
}
