package dev.yolocam.render;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.AtomicFiles;
import dev.yolocam.io.FfmpegLog;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * The annotated copy of a video: pictures appended one per frame, encoded as H.264 (yuv420p, index at the front)
 * in MP4 at a fixed frame rate. Like every output file it is written under a hidden temporary name next to the
 * target and moved into place by {@link #finish()} only when complete; {@link #close()} without it removes the
 * temporary file, so a failed or interrupted run leaves no half-written video.
 */
public final class AnnotatedVideo implements AutoCloseable {
    /** Bit rate per pixel and frame: ~1.4 Mbit/s for 640x480 at 30 fps, enough to keep thin boxes and labels sharp. */
    static final double BITS_PER_PIXEL = 0.15;

    private final Path target;
    private final double frameRate;
    private Path temp;
    private FFmpegFrameRecorder recorder;
    private Frame frame;
    private int frames;
    private boolean finished;

    /** @param frameRate frames per second the video plays at, > 0 */
    public AnnotatedVideo(Path target, double frameRate) {
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new IllegalArgumentException("frame rate must be positive, got " + frameRate);
        }
        this.target = target;
        this.frameRate = frameRate;
    }

    public Path target() {
        return target;
    }

    /** Frames appended so far. */
    public int frames() {
        return frames;
    }

    /** Appends the next frame; the first one's size (rounded down to even, as yuv420p needs) is the video's. */
    public void append(BufferedImage picture) {
        if (finished) {
            throw new IllegalStateException("the video is finished");
        }
        FfmpegLog.clear();
        try {
            if (recorder == null) {
                start(picture.getWidth(), picture.getHeight());
            }
            recorder.record(rgb(picture), AV_PIX_FMT_RGB24);
            frames++;
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    /** Completes the file and moves it into place; a video with no frames writes nothing. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (recorder == null) {
            return;
        }
        FfmpegLog.clear();
        try {
            recorder.stop();
            recorder.release();
            recorder = null;
            AtomicFiles.moveIntoPlace(temp, target);
            temp = null;
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        } finally {
            close();
        }
    }

    /** Abandons an unfinished video: the encoder is released and the temporary file removed. */
    @Override
    public void close() {
        finished = true;
        if (recorder != null) {
            try {
                recorder.release();
            } catch (IOException | RuntimeException ignored) {
                // abandoning: what went wrong before is what gets reported
            }
            recorder = null;
        }
        AtomicFiles.deleteQuietly(temp);
        temp = null;
    }

    private void start(int width, int height) throws IOException {
        FfmpegLog.install();
        temp = AtomicFiles.temporaryFor(target);
        int evenWidth = Math.max(2, width & ~1);
        int evenHeight = Math.max(2, height & ~1);
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(temp.toFile(), evenWidth, evenHeight, 0);
        r.setFormat("mp4");
        r.setVideoCodec(AV_CODEC_ID_H264);
        r.setPixelFormat(AV_PIX_FMT_YUV420P);
        r.setFrameRate(frameRate);
        r.setGopSize((int) Math.max(1, Math.round(2 * frameRate)));
        r.setVideoBitrate((int) Math.min(Integer.MAX_VALUE,
                Math.max(100_000, BITS_PER_PIXEL * evenWidth * evenHeight * frameRate)));
        r.setOption("movflags", "+faststart");
        recorder = r;
        r.start();
    }

    /** The picture as packed RGB24 in a frame buffer reused while the size stays. */
    private Frame rgb(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        if (frame == null || frame.imageWidth != width || frame.imageHeight != height) {
            frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        }
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int[] row = new int[width];
        byte[] bytes = new byte[width * 3];
        for (int y = 0; y < height; y++) {
            picture.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                bytes[3 * x] = (byte) (row[x] >> 16);
                bytes[3 * x + 1] = (byte) (row[x] >> 8);
                bytes[3 * x + 2] = (byte) row[x];
            }
            buffer.put(y * frame.imageStride, bytes);
        }
        return frame;
    }

    private YolocamException failure(Exception e) {
        close();
        String reason = FfmpegLog.lastError().map(FfmpegLog.Message::text)
                .orElse(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip());
        return new YolocamException(target, "cannot write video: " + reason, e);
    }
}
