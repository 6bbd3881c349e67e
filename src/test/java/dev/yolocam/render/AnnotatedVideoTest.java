package dev.yolocam.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotated copy of a video: H.264 in MP4 at the given rate, and never half-written. */
class AnnotatedVideoTest {
    @TempDir
    Path temp;

    private static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** What a decoder sees: frame count, rate, size, codec and the centre pixel of the first frame. */
    record ReadBack(int frames, double frameRate, int width, int height, int codec, int[] firstCentre) {
    }

    static ReadBack readBack(Path video) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            grabber.start();
            int frames = 0;
            int[] centre = null;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (centre == null) {
                    java.nio.ByteBuffer b = (java.nio.ByteBuffer) frame.image[0];
                    int at = frame.imageHeight / 2 * frame.imageStride + frame.imageWidth / 2 * 3;
                    centre = new int[] {b.get(at) & 0xFF, b.get(at + 1) & 0xFF, b.get(at + 2) & 0xFF};
                }
                frames++;
            }
            ReadBack r = new ReadBack(frames, grabber.getVideoFrameRate(), grabber.getImageWidth(),
                    grabber.getImageHeight(), grabber.getVideoCodec(), centre);
            grabber.stop();
            return r;
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFinishedVideoHasEveryFrameAtTheGivenRateAsH264() throws IOException {
        Path target = temp.resolve("clip.mp4");
        try (AnnotatedVideo video = new AnnotatedVideo(target, 7.5)) {
            for (int i = 0; i < 5; i++) {
                video.append(solid(64, 48, new Color(200, 30, 40)));
            }
            video.finish();
        }
        ReadBack r = readBack(target);
        assertEquals(5, r.frames());
        assertEquals(7.5, r.frameRate(), 1e-6);
        assertEquals(64, r.width());
        assertEquals(48, r.height());
        assertEquals(avcodec.AV_CODEC_ID_H264, r.codec());
        int[] rgb = r.firstCentre();
        assertTrue(Math.abs(rgb[0] - 200) < 12 && Math.abs(rgb[1] - 30) < 12 && Math.abs(rgb[2] - 40) < 12,
                "red stays red: " + java.util.Arrays.toString(rgb));
        assertEquals(List.of("clip.mp4"), files(), "no temporary file left");
    }

    @Test
    void anUnfinishedVideoLeavesNothingBehind() throws IOException {
        try (AnnotatedVideo video = new AnnotatedVideo(temp.resolve("clip.mp4"), 25)) {
            video.append(solid(32, 32, Color.BLUE));
            video.append(solid(32, 32, Color.BLUE));
            assertEquals(1, files().size(), "frames go to a temporary file: " + files());
            assertTrue(files().get(0).startsWith(".clip.mp4.") && files().get(0).endsWith(".part"), files().get(0));
        }
        assertEquals(List.of(), files());
    }

    @Test
    void aVideoWithoutFramesWritesNoFile() throws IOException {
        try (AnnotatedVideo video = new AnnotatedVideo(temp.resolve("clip.mp4"), 25)) {
            video.finish();
        }
        assertEquals(List.of(), files());
    }

    @Test
    void oddSizesAreRoundedDownToEvenAsYuv420NeedsThem() throws IOException {
        Path target = temp.resolve("odd.mp4");
        try (AnnotatedVideo video = new AnnotatedVideo(target, 10)) {
            video.append(solid(65, 33, Color.GREEN));
            video.finish();
        }
        ReadBack r = readBack(target);
        assertEquals(64, r.width());
        assertEquals(32, r.height());
        assertEquals(1, r.frames());
    }
}
