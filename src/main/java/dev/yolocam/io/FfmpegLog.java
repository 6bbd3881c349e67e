package dev.yolocam.io;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg prints its diagnostics straight to the process's stderr, which would break yolocam's one-line errors.
 * Once installed, this keeps them off the terminal and remembers the error-level messages of each thread, so that a
 * failure can say what FFmpeg found ("moov atom not found") and a video reader can tell a truncated file (its
 * demuxer logs "partial file") from a clean end: FFmpeg's frame grabber reports both as the end of the frames.
 */
public final class FfmpegLog {
    private static final Pattern PREFIXED = Pattern.compile("\\[(.*?) @ 0x[0-9a-fA-F]+] (.*)", Pattern.DOTALL);
    private static final ThreadLocal<Errors> ERRORS = ThreadLocal.withInitial(Errors::new);
    private static Recorder installed;

    private FfmpegLog() {
    }

    /**
     * One logged line: {@code context} names the FFmpeg component that logged it ("mov,mp4,m4a,3gp,3g2,mj2" for
     * that demuxer, "h264" for a decoder; empty when the line had no prefix), {@code text} says what happened.
     */
    public record Message(String context, String text) {
    }

    /** Routes FFmpeg's log here; called before any FFmpeg use, any number of times. */
    public static synchronized void install() {
        if (installed == null) {
            installed = new Recorder();
            // The callback is native code calling back into Java: it must outlive every FFmpeg call.
            installed.retainReference();
            av_log_set_level(AV_LOG_ERROR);
            setLogCallback(installed);
        }
    }

    /** Forgets this thread's errors; call before the FFmpeg calls whose errors matter. */
    public static void clear() {
        ERRORS.remove();
    }

    /** The last error FFmpeg logged on this thread since {@link #clear()}. */
    public static Optional<Message> lastError() {
        return Optional.ofNullable(ERRORS.get().last);
    }

    /** The last error that the component named {@code context} logged on this thread since {@link #clear()}. */
    public static Optional<String> lastErrorOf(String context) {
        return Optional.ofNullable(ERRORS.get().byContext.get(context));
    }

    private static final class Errors {
        Message last;
        final Map<String, String> byContext = new HashMap<>();
    }

    /** Keeps error-level messages (FFmpeg's levels count down: panic 0, fatal 8, error 16, warning 24, ...). */
    private static final class Recorder extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            if (level > AV_LOG_ERROR || message == null) {
                return;
            }
            String line = message.getString().strip();
            Matcher prefixed = PREFIXED.matcher(line);
            Message m = prefixed.matches() ? new Message(prefixed.group(1), prefixed.group(2).strip())
                    : new Message("", line);
            if (!m.text().isEmpty()) {
                Errors errors = ERRORS.get();
                errors.last = m;
                errors.byContext.put(m.context(), m.text());
            }
        }
    }
}
