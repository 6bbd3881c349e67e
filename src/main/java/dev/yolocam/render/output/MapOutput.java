package dev.yolocam.render.output;

import java.nio.file.Path;

/** An explain output with one file per map, named after the map: {@code <base><suffix>}. */
public interface MapOutput extends Output<ExplainedPicture> {
    /** What follows the map's base name, e.g. {@code _cam.png}. */
    String suffix();

    /** Writes the file of one map, complete or not at all. */
    void write(MapView map, Path file);

    /** The field of the map's JSON entry that names this file, or null when the entry does not name it. */
    default String jsonKey() {
        return null;
    }

    @Override
    default void write(ExplainedPicture picture) {
        for (MapView map : picture.maps()) {
            write(map, picture.file(map.fileName(this)));
        }
    }
}
