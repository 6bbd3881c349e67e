package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames of a video file as pictures: order, numbering, --vid-stride, colours, and what counts as broken. */
class VideoReaderTest {
    @TempDir
    Path temp;

    private static Path clip() {
        return Oracle.testdata().resolve("video/clip.mp4");
    }

    private static List<SourceImage> readAll(Path file, int stride) {
        List<SourceImage> pictures = new ArrayList<>();
        try (VideoReader reader = VideoReader.open(file, stride)) {
            SourceImage picture;
            while ((picture = reader.next()) != null) {
                pictures.add(picture);
            }
        }
        return pictures;
    }

    @Test
    void readsEveryFrameInOrderWithItsNumberAndTheHeadersFrameRate() {
        try (VideoReader reader = VideoReader.open(clip(), 1)) {
            assertEquals(12, reader.expected());
            assertEquals(10.0, reader.frameRate().getAsDouble(), 1e-9);
        }
        List<SourceImage> frames = readAll(clip(), 1);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), frames.stream().map(SourceImage::frame).toList());
        assertTrue(frames.stream().allMatch(f -> f.pixels().width() == 320 && f.pixels().height() == 320
                && f.file().equals(clip())));
        assertEquals("clip_000011", frames.get(11).stem());
    }

    @Test
    void strideKeepsTheNthFrameOfEachNLikeDetectPy() {
        assertEquals(List.of(4, 9), readAll(clip(), 5).stream().map(SourceImage::frame).toList());
        try (VideoReader reader = VideoReader.open(clip(), 5)) {
            assertEquals(2, reader.expected());
        }
    }

    @Test
    void framesAreRgbWithTheColoursOfThePicturesTheClipWasMadeFrom() {
        // Frames 0-2 show test_0000.png. H.264 at CRF 32 smooths its noise away, but keeps each channel's mean;
        // channels in the wrong order (BGR, OpenCV's) would be far off.
        double[] source = channelMeans(ImageLoader.load(Oracle.testdata().resolve("default/images/test_0000.png")));
        double[] frame = channelMeans(readAll(clip(), 1).get(1).pixels());
        String means = Arrays.toString(frame) + " vs " + Arrays.toString(source);
        for (int c = 0; c < 3; c++) {
            assertEquals(source[c], frame[c], 2.5, means);
        }
        assertTrue(Math.abs(source[0] - source[2]) > 10, "the test needs red and blue to differ: " + means);
    }

    private static double[] channelMeans(RgbImage image) {
        double[] sums = new double[3];
        byte[] p = image.pixels();
        for (int i = 0; i < p.length; i++) {
            sums[i % 3] += p[i] & 0xFF;
        }
        return Arrays.stream(sums).map(s -> s / (p.length / 3.0)).toArray();
    }

    @Test
    void anEditListThatPlaysFewerFramesThanStoredIsACleanEnd() {
        // trimmed.mp4 stores 12 frames (its header says so) and plays 8: not a truncated file.
        List<SourceImage> frames = readAll(Oracle.testdata().resolve("video/trimmed.mp4"), 1);
        assertEquals(8, frames.size());
    }

    @Test
    void aTruncatedFileGivesItsFramesUpToTheBreakThenFailsNamingIt() throws IOException {
        Path truncated = temp.resolve("cut.mp4");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(clip()), 20_000));
        List<Integer> read = new ArrayList<>();
        YolocamException e = assertThrows(YolocamException.class, () -> {
            try (VideoReader reader = VideoReader.open(truncated, 1)) {
                SourceImage picture;
                while ((picture = reader.next()) != null) {
                    read.add(picture.frame());
                }
            }
        });
        assertTrue(!read.isEmpty() && read.size() < 12, "frames before the break: " + read);
        assertEquals(truncated, e.file());
        assertTrue(e.problem().startsWith("cannot read video: truncated or corrupt"), e.getMessage());
    }

    @Test
    void bytesThatAreNoVideoFailAtOpenNamingTheFile() throws IOException {
        Path noise = temp.resolve("noise.mp4");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(noise, bytes);
        YolocamException e = assertThrows(YolocamException.class, () -> VideoReader.open(noise, 1).close());
        assertEquals(noise, e.file());
        assertTrue(e.problem().startsWith("cannot read video: not a video FFmpeg can open ("), e.getMessage());
    }

    @Test
    void anEmptyOrMissingFileFailsBeforeFfmpegIsAsked() throws IOException {
        Path empty = Files.createFile(temp.resolve("empty.avi"));
        assertEquals("cannot read video: the file is empty",
                assertThrows(YolocamException.class, () -> VideoReader.open(empty, 1)).problem());
        assertEquals("cannot read video: no such file",
                assertThrows(YolocamException.class, () -> VideoReader.open(temp.resolve("gone.mkv"), 1)).problem());
    }

    @Test
    void aVideoShorterThanTheStrideSaysSoInsteadOfYieldingNothing() {
        YolocamException e = assertThrows(YolocamException.class, () -> readAll(clip(), 13));
        assertTrue(e.problem().contains("12 frames, fewer than the frame stride 13"), e.getMessage());
    }
}
