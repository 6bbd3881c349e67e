package dev.yolocam.render.output;

import dev.yolocam.render.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** An explain output that draws one PNG per map; a video frame's is drawn into the annotated video instead. */
public abstract class MapPicture implements MapOutput {
    private final String name;
    private final String suffix;
    private final String jsonKey;

    /** @param jsonKey the field of the map's JSON entry that names the file, or null */
    protected MapPicture(String name, String suffix, String jsonKey) {
        this.name = name;
        this.suffix = suffix;
        this.jsonKey = jsonKey;
    }

    /** The picture of one map. */
    protected abstract BufferedImage draw(MapView map);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String suffix() {
        return suffix;
    }

    @Override
    public final String jsonKey() {
        return jsonKey;
    }

    @Override
    public final boolean framesGoToVideo() {
        return true;
    }

    @Override
    public final void write(MapView map, Path file) {
        Images.writePng(file, draw(map));
    }
}
