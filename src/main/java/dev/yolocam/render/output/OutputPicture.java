package dev.yolocam.render.output;

import dev.yolocam.detect.SourceImage;
import java.nio.file.Path;

/** What every output sees of one picture: which picture it is, and where its files go. */
public interface OutputPicture {
    /** The picture: an image file, or one frame of a video. */
    SourceImage source();

    /** Where this picture's file {@code name} goes (a name relative to the picture's output folder). */
    Path file(String name);
}
