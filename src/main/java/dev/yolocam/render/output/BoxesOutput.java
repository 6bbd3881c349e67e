package dev.yolocam.render.output;

import java.awt.image.BufferedImage;

/** {@code <base>_boxes.png}: the map renormalised inside the explained boxes, with those boxes drawn. */
public final class BoxesOutput extends MapPicture {
    public BoxesOutput() {
        super("boxes", "_boxes.png", null);
    }

    @Override
    protected BufferedImage draw(MapView map) {
        return map.boxes();
    }
}
