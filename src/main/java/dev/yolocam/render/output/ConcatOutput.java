package dev.yolocam.render.output;

import dev.yolocam.render.Images;
import dev.yolocam.render.Panels;
import java.awt.image.BufferedImage;
import java.util.List;

/** {@code <base>_concat.png}: the picture, the overlay and the boxes picture side by side. */
public final class ConcatOutput extends MapPicture {
    private static final int GAP = 4;

    public ConcatOutput() {
        super("concat", "_concat.png", null);
    }

    @Override
    protected BufferedImage draw(MapView map) {
        return Panels.sideBySide(List.of(Images.toBuffered(map.detections().original()), map.overlay(), map.boxes()),
                GAP);
    }
}
