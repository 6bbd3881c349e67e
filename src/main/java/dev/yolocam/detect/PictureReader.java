package dev.yolocam.detect;

import dev.yolocam.io.Sources;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The pictures of one SOURCE file, read one at a time and in order: an image file holds one, a video one per
 * processed frame. A file that cannot be read fails with a {@link dev.yolocam.errors.YolocamException} naming it.
 */
public interface PictureReader extends AutoCloseable {
    /** The next picture, or null after the last. */
    SourceImage next();

    /** How many pictures to expect, for progress: 1 for an image, a video's frame count from its header / stride. */
    int expected();

    /** A video's frames per second (what its annotated copy plays at); empty for an image. */
    OptionalDouble frameRate();

    /** Releases the file (a video's decoder); reading stops. */
    @Override
    void close();

    /**
     * Opens {@code file}: as a video, every {@code vidStride}-th frame, when its name ends like one
     * ({@link Sources#VIDEO_SUFFIXES}); as an image otherwise, decoded here.
     */
    static PictureReader open(Path file, int vidStride) {
        return Sources.isVideoName(file) ? VideoReader.open(file, vidStride)
                : single(SourceImage.still(file, ImageLoader.load(file)));
    }

    /** A reader of one picture that is already decoded. */
    static PictureReader single(SourceImage picture) {
        return new PictureReader() {
            private SourceImage next = picture;

            @Override
            public SourceImage next() {
                SourceImage out = next;
                next = null;
                return out;
            }

            @Override
            public int expected() {
                return 1;
            }

            @Override
            public OptionalDouble frameRate() {
                return OptionalDouble.empty();
            }

            @Override
            public void close() {
                next = null;
            }
        };
    }
}
