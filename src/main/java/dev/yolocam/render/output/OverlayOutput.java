package dev.yolocam.render.output;

import java.awt.image.BufferedImage;

/** {@code <base>_cam.png}: the map over the picture (JET, image weight 0.5); the JSON names it as {@code file}. */
public final class OverlayOutput extends MapPicture {
    public OverlayOutput() {
        super("overlay", "_cam.png", "file");
    }

    @Override
    protected BufferedImage draw(MapView map) {
        return map.overlay();
    }
}
