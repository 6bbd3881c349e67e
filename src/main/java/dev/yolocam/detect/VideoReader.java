package dev.yolocam.detect;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;

import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.FfmpegLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes a video file frame by frame into {@link RgbImage}s, the way YOLOv5's LoadImages reads one through
 * OpenCV's FFmpeg backend: frames in decoding order, converted to RGB with bicubic chroma upsampling as OpenCV
 * asks swscale for, and with {@code --vid-stride N} only every N-th frame (frames N-1, 2N-1, ... counted from 0:
 * detect.py grabs N frames and keeps the last).
 *
 * <p>Every failure - a missing or empty file, a container FFmpeg cannot open, no video stream, data that breaks off
 * (a truncated file) - is a {@link YolocamException} {@code "cannot read video: <reason>"}. A truncated file is
 * told from a clean end by its demuxer's error ("partial file"), not by comparing with the header's frame count,
 * which an edit list legitimately makes larger than what plays.
 */
public final class VideoReader implements PictureReader {
    /** What an unknown frame rate is taken as: FFmpeg's own default. */
    static final double DEFAULT_FRAME_RATE = 25;
    private static final Pattern ERROR_CODE = Pattern.compile("error (-?\\d+)");

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final int stride;
    private final int expected;
    private final double frameRate;
    private final String demuxer;
    private int decoded;
    private boolean ended;

    private VideoReader(Path file, FFmpegFrameGrabber grabber, int stride) {
        this.file = file;
        this.grabber = grabber;
        this.stride = stride;
        AVFormatContext format = grabber.getFormatContext();
        this.demuxer = format.iformat().name().getString();
        long declared = declaredFrames(format);
        this.expected = (int) Math.min(Integer.MAX_VALUE,
                (declared > 0 ? declared : Math.max(0, grabber.getLengthInVideoFrames())) / stride);
        double rate = grabber.getVideoFrameRate();
        this.frameRate = rate > 0 && Double.isFinite(rate) ? rate : DEFAULT_FRAME_RATE;
    }

    /** Opens {@code file} and reads its header; {@code stride} >= 1 keeps every stride-th frame. */
    public static VideoReader open(Path file, int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        checkFile(file);
        FfmpegLog.install();
        FfmpegLog.clear();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_RGB24);
        grabber.setImageScalingFlags(SWS_BICUBIC);
        try {
            grabber.start();
            if (!grabber.hasVideo()) {
                throw failure(file, "the file has no video stream");
            }
            long width = grabber.getImageWidth();
            long height = grabber.getImageHeight();
            if (width <= 0 || height <= 0) {
                throw failure(file, "the video has zero size (" + width + "x" + height + ")");
            }
            if (width * height > ImageLoader.MAX_PIXELS) {
                throw failure(file, "the frames are too large (" + width + "x" + height + " pixels, limit "
                        + ImageLoader.MAX_PIXELS / 1_000_000 + " megapixels)");
            }
            return new VideoReader(file, grabber, stride);
        } catch (YolocamException e) {
            release(grabber);
            throw e;
        } catch (Exception e) {
            release(grabber);
            throw failure(file, openProblem(e));
        }
    }

    @Override
    public SourceImage next() {
        if (ended) {
            return null;
        }
        try {
            while (true) {
                boolean wanted = (decoded + 1) % stride == 0;
                // Skipped frames are decoded (later frames depend on them) but not converted to RGB.
                Frame frame = grabber.grabFrame(false, true, wanted, false, false);
                if (frame == null) {
                    ended = true;
                    checkCleanEnd();
                    return null;
                }
                int index = decoded++;
                if (wanted) {
                    return new SourceImage(file, index, pixels(frame));
                }
            }
        } catch (YolocamException e) {
            throw e;
        } catch (Exception e) {
            ended = true;
            throw failure(file, "corrupt video data after " + decoded + " frames (" + describe(e) + ")");
        } catch (OutOfMemoryError e) {
            ended = true;
            throw failure(file, "not enough memory to decode a frame (raise -Xmx)");
        }
    }

    @Override
    public int expected() {
        return expected;
    }

    @Override
    public OptionalDouble frameRate() {
        return OptionalDouble.of(frameRate);
    }

    @Override
    public void close() {
        ended = true;
        release(grabber);
    }

    /** The grabber reports a read error as the end of the frames; the demuxer's log tells the two apart. */
    private void checkCleanEnd() {
        FfmpegLog.lastErrorOf(demuxer).ifPresent(problem -> {
            throw failure(file, "truncated or corrupt: the data breaks off after " + decoded + " frames ("
                    + problem + ")");
        });
        if (decoded == 0) {
            throw failure(file, "no frame could be decoded"
                    + FfmpegLog.lastError().map(m -> " (" + m.text() + ")").orElse(""));
        }
        if (decoded < stride) {
            throw new YolocamException(file, "the video has " + decoded + " frame" + (decoded == 1 ? "" : "s")
                    + ", fewer than the frame stride " + stride + ": no frame to process");
        }
    }

    private static RgbImage pixels(Frame frame) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int row = width * 3;
        byte[] pixels = new byte[Math.multiplyExact(row, height)];
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        for (int y = 0; y < height; y++) {
            buffer.get(y * frame.imageStride, pixels, y * row, row);
        }
        return new RgbImage(width, height, pixels);
    }

    /** The video stream's frame count as the container states it, or 0 when it does not (Matroska, WebM). */
    private static long declaredFrames(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                return Math.max(0, stream.nb_frames());
            }
        }
        return 0;
    }

    private static void checkFile(Path file) {
        if (!Files.exists(file)) {
            throw failure(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw failure(file, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw failure(file, "permission denied");
        }
        try {
            if (Files.size(file) == 0) {
                throw failure(file, "the file is empty");
            }
        } catch (IOException e) {
            throw failure(file, e.getMessage());
        }
    }

    /** What FFmpeg logged when it gave up, else the text of the error code JavaCV's message carries. */
    private static String openProblem(Exception e) {
        String found = FfmpegLog.lastError().map(FfmpegLog.Message::text).orElse(null);
        String reason = found != null ? found : describe(e);
        return "not a video FFmpeg can open (" + reason + ")";
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher code = ERROR_CODE.matcher(message);
        if (code.find()) {
            byte[] text = new byte[256];
            if (av_strerror(Integer.parseInt(code.group(1)), text, text.length) == 0) {
                int end = 0;
                while (end < text.length && text[end] != 0) {
                    end++;
                }
                return new String(text, 0, end, StandardCharsets.UTF_8);
            }
        }
        return message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (Exception ignored) {
            // releasing after a failure: the failure is what gets reported
        }
    }

    private static YolocamException failure(Path file, String reason) {
        return new YolocamException(file, "cannot read video: " + reason);
    }
}
