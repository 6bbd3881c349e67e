package dev.yolocam.render.output;

import dev.yolocam.cam.CamMap;
import dev.yolocam.io.NpyFile;
import java.nio.file.Path;

/**
 * {@code <base>_cam.npy}: the map in the network-input frame, float32 H x W, exactly what pytorch-grad-cam returns;
 * the JSON names it as {@code npy}.
 */
public final class NpyOutput implements MapOutput {
    @Override
    public String name() {
        return "npy";
    }

    @Override
    public String suffix() {
        return "_cam.npy";
    }

    @Override
    public String jsonKey() {
        return "npy";
    }

    @Override
    public void write(MapView view, Path file) {
        CamMap map = view.map();
        NpyFile.write(file, new int[] {map.height(), map.width()}, map.input());
    }
}
