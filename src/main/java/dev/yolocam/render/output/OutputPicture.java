package dev.yolocam.render.output;

import dev.yolocam.detect.SourceImage;
import java.nio.file.Path;

/** What every output sees of one picture: which picture it is, and the folder its files go into. */
public abstract class OutputPicture {
    private final SourceImage source;
    private final Path folder;

    protected OutputPicture(SourceImage source, Path folder) {
        this.source = source;
        this.folder = folder;
    }

    /** The picture: an image file, or one frame of a video. */
    public SourceImage source() {
        return source;
    }

    public Path folder() {
        return folder;
    }

    /** Where this picture's file {@code name} goes (a name relative to {@link #folder()}). */
    public Path file(String name) {
        return folder.resolve(name);
    }
}
