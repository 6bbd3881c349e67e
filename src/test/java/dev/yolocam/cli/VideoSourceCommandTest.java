package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.detect.VideoReader;
import dev.yolocam.render.Images;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Video files as SOURCE of {@code explain} and {@code detect}, as a user runs them: a JSON file per processed frame,
 * the annotated video with the source's frame count (or count / --vid-stride) and frame rate, videos found in a
 * folder, and broken videos reported on one line while the other sources go on.
 */
class VideoSourceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** testdata/video/clip.mp4: 12 frames of 320x320 at 10 fps. */
    private static final int CLIP_FRAMES = 12;
    private static final double CLIP_RATE = 10.0;

    @TempDir
    Path temp;

    private static Path clip() {
        return Oracle.testdata().resolve("video/clip.mp4");
    }

    private static Path image() {
        return Oracle.testdata().resolve("default/images/test_0001.png");
    }

    /** The embedded shapes model at 320, quiet, into {@code out}. */
    private static Cli.Result yolocam(String command, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--weights",
                Oracle.testdata().resolve("default/shapes-yolov5n.pt").toString(), "--imgsz", "320",
                "--out", out.toString(), "-q"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> jsonNames(String stem, int... frames) {
        return Arrays.stream(frames).mapToObj(f -> String.format("%s_%06d.json", stem, f)).toList();
    }

    private static int[] allFrames() {
        return IntStream.range(0, CLIP_FRAMES).toArray();
    }

    private record Video(int frames, double frameRate, int width, int height, int codec) {
    }

    private static Video readBack(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            Video v = new Video(frames, grabber.getVideoFrameRate(), grabber.getImageWidth(),
                    grabber.getImageHeight(), grabber.getVideoCodec());
            grabber.stop();
            return v;
        }
    }

    private static void assertAnnotatedVideo(Path file, int frames) throws IOException {
        assertEquals(new Video(frames, CLIP_RATE, 320, 320, avcodec.AV_CODEC_ID_H264), readBack(file));
    }

    @Test
    void explainWritesAJsonPerFrameAndAnOverlayVideoWithTheSourcesFrameCountAndRate() throws IOException {
        Path out = temp.resolve("explain");
        Cli.Result r = yolocam("explain", out, clip().toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = new ArrayList<>(jsonNames("clip", allFrames()));
        expected.add(0, "clip.mp4");
        assertEquals(expected, files(out), "per-frame JSON and the video, no per-frame pictures");
        JsonNode doc = JSON.readTree(out.resolve("clip_000007.json").toFile());
        assertEquals(clip().toString(), doc.path("image").asText());
        assertEquals(7, doc.path("frame").asInt());
        assertEquals(1, doc.path("cams").size());
        assertTrue(doc.path("detections").size() > 0, doc.toString());
        assertAnnotatedVideo(out.resolve("clip.mp4"), CLIP_FRAMES);
    }

    @Test
    void detectWritesAJsonPerFrameAndABoxesVideoWithTheSourcesFrameCountAndRate() throws IOException {
        Path out = temp.resolve("detect");
        Cli.Result r = yolocam("detect", out, clip().toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = new ArrayList<>(jsonNames("clip", allFrames()));
        expected.add(0, "clip.mp4");
        assertEquals(expected, files(out));
        assertEquals(0, JSON.readTree(out.resolve("clip_000000.json").toFile()).path("frame").asInt());
        assertAnnotatedVideo(out.resolve("clip.mp4"), CLIP_FRAMES);
    }

    @Test
    void vidStrideKeepsEveryNthFrameAndTheVideoKeepsTheSourceRate() throws IOException {
        Path detect = temp.resolve("detect");
        assertEquals(0, yolocam("detect", detect, "--vid-stride", "5", clip().toString()).exitCode());
        List<String> expected = new ArrayList<>(jsonNames("clip", 4, 9));
        expected.add(0, "clip.mp4");
        assertEquals(expected, files(detect), "frames 4 and 9 of 12, as detect.py's stride keeps them");
        assertAnnotatedVideo(detect.resolve("clip.mp4"), CLIP_FRAMES / 5);

        Path explain = temp.resolve("explain");
        assertEquals(0, yolocam("explain", explain, "--vid-stride", "4", clip().toString()).exitCode());
        expected = new ArrayList<>(jsonNames("clip", 3, 7, 11));
        expected.add(0, "clip.mp4");
        assertEquals(expected, files(explain));
        assertAnnotatedVideo(explain.resolve("clip.mp4"), CLIP_FRAMES / 4);
    }

    @Test
    void explainWithOnlyJsonWritesNoVideo() throws IOException {
        Path out = temp.resolve("json");
        assertEquals(0, yolocam("explain", out, "--save", "json", "--vid-stride", "6", clip().toString()).exitCode());
        assertEquals(jsonNames("clip", 5, 11), files(out));
    }

    @Test
    void aVideoInsideAFolderIsProcessedNotSkipped() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("media"));
        Files.copy(clip(), folder.resolve("clip.mp4"));
        Files.copy(image(), folder.resolve("still.png"));
        Path out = temp.resolve("detect");
        Cli.Result r = yolocam("detect", out, "--vid-stride", "3", folder.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = new ArrayList<>(jsonNames("clip", 2, 5, 8, 11));
        expected.add(0, "clip.mp4");
        expected.addAll(List.of("still.json", "still.png"));
        assertEquals(expected, files(out));
        assertAnnotatedVideo(out.resolve("clip.mp4"), CLIP_FRAMES / 3);
    }

    @Test
    void aTruncatedVideoFailsOnOneLineNamingItWhileTheImageAfterItGoesOn() throws IOException {
        Path cut = temp.resolve("cut.mp4");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(clip()), 20_000));
        Path out = temp.resolve("detect");
        Cli.Result r = yolocam("detect", out, cut.toString(), image().toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().startsWith("yolocam: " + cut + ": cannot read video: truncated or corrupt"), r.err());
        List<String> written = files(out);
        assertTrue(written.containsAll(List.of("test_0001.json", "test_0001.png")), written.toString());
        assertTrue(written.stream().noneMatch(n -> n.endsWith(".mp4") || n.endsWith(".part")),
                "no annotated copy of a broken video, not even a temporary one: " + written);
    }

    @Test
    void bytesThatAreNoVideoFailOnOneLineNamingTheFileWhileTheImageAfterItGoesOn() throws IOException {
        Path noise = temp.resolve("noise.mkv");
        byte[] bytes = new byte[4096];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(noise, bytes);
        Path out = temp.resolve("explain");
        Cli.Result r = yolocam("explain", out, "--save", "json", noise.toString(), image().toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().startsWith("yolocam: " + noise + ": cannot read video: "), r.err());
        assertEquals(List.of("test_0001.json"), files(out));
    }

    @Test
    void aDecodedFrameHasExactlyTheDetectionsOfTheSameFrameGivenAsAnImage() throws IOException {
        // H.264 is lossy: the image is the frame as this decoder returns it, saved losslessly as PNG.
        int frame = 6;
        Path png = temp.resolve("frame6.png");
        try (VideoReader reader = VideoReader.open(clip(), 1)) {
            SourceImage picture;
            while ((picture = reader.next()) != null) {
                if (picture.frame() == frame) {
                    Images.writePng(png, Images.toBuffered(picture.pixels()));
                }
            }
        }
        Path fromVideo = temp.resolve("video");
        Path fromImage = temp.resolve("image");
        assertEquals(0, yolocam("detect", fromVideo, "--conf", "0.05", clip().toString()).exitCode());
        assertEquals(0, yolocam("detect", fromImage, "--conf", "0.05", png.toString()).exitCode());
        JsonNode expected = JSON.readTree(fromImage.resolve("frame6.json").toFile()).path("detections");
        assertTrue(expected.size() > 0);
        assertEquals(expected, JSON.readTree(fromVideo.resolve("clip_000006.json").toFile()).path("detections"));
    }

    @Test
    void aZeroVidStrideIsAUsageError() {
        Cli.Result r = yolocam("detect", temp.resolve("x"), "--vid-stride", "0", clip().toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("--vid-stride"), r.err());
    }
}
