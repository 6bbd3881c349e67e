package dev.yolocam.render.output;

import dev.yolocam.cam.CamMap;
import dev.yolocam.render.Heatmap;
import java.awt.image.BufferedImage;

/** {@code <base>_heat.png}: the map alone in grey, white where it is 1, at the original picture's size. */
public final class HeatmapOutput extends MapPicture {
    public HeatmapOutput() {
        super("heatmap", "_heat.png", null);
    }

    @Override
    protected BufferedImage draw(MapView view) {
        CamMap map = view.map();
        return Heatmap.grey(map.original(), map.originalWidth(), map.originalHeight());
    }
}
