package dev.yolocam.render.output;

import dev.yolocam.graph.LayerInfo;
import dev.yolocam.render.Images;
import dev.yolocam.render.Panels;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** {@code <stem>_sweep.png}: every layer's overlay in a captioned grid, five to a row. */
public final class SweepGridOutput implements Output<SweptPicture> {
    private static final int COLUMNS = 5;
    private static final int TILE_WIDTH = 320;

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public void write(SweptPicture picture) {
        if (picture.shown() == 0) {
            return;
        }
        List<BufferedImage> tiles = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < picture.shown(); i++) {
            LayerInfo layer = picture.layer(i);
            tiles.add(picture.overlay(i));
            captions.add(layer.path() + "  " + layer.simpleClass());
        }
        Images.writePng(picture.file(picture.gridFile()),
                Panels.grid(tiles, captions, Math.min(COLUMNS, tiles.size()), TILE_WIDTH));
    }
}
