package dev.yolocam.detect;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One picture of a SOURCE file and where it came from: an image file ({@code frame} = {@link #STILL}), or frame
 * {@code frame} of a video file (0-based, counting every decoded frame, also those --vid-stride skips).
 */
public record SourceImage(Path file, int frame, RgbImage pixels) {
    /** The frame number of a picture that is an image file, not a video frame. */
    public static final int STILL = -1;

    public SourceImage {
        if (frame < STILL) {
            throw new IllegalArgumentException("frame must be " + STILL + " (a still image) or >= 0, got " + frame);
        }
    }

    public static SourceImage still(Path file, RgbImage pixels) {
        return new SourceImage(file, STILL, pixels);
    }

    public boolean isVideoFrame() {
        return frame != STILL;
    }

    /**
     * What this picture's output files are named after: the file name without its extension, and for a video frame
     * {@code _} and the frame number zero-padded to six digits ({@code clip_000012}), so that a listing sorts in
     * playing order.
     */
    public String stem() {
        return isVideoFrame() ? String.format(Locale.ROOT, "%s_%06d", baseName(file), frame) : baseName(file);
    }

    /** A file's name without its extension ({@code clip.mp4} -> {@code clip}). */
    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** How messages name this picture: the file, and for a video frame also the frame ("clip.mp4 frame 12"). */
    public String label() {
        return isVideoFrame() ? file + " frame " + frame : file.toString();
    }
}
