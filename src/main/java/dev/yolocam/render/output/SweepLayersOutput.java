package dev.yolocam.render.output;

import dev.yolocam.render.Images;

/** {@code layers/<stem>_<layer path>.png}: each layer's map over the picture, with every detection's box. */
public final class SweepLayersOutput implements Output<SweptPicture> {
    @Override
    public String name() {
        return "layers";
    }

    @Override
    public void write(SweptPicture picture) {
        for (int i = 0; i < picture.shown(); i++) {
            Images.writePng(picture.file(picture.layerFile(i)), picture.overlay(i));
        }
    }
}
