package dev.yolocam.render.output;

import dev.yolocam.render.Images;

/** {@code <stem>.png}: the picture with its boxes and labels, as YOLOv5's detect.py saves it. */
public final class AnnotatedOutput implements Output<DetectedPicture> {
    @Override
    public String name() {
        return "annotated";
    }

    @Override
    public boolean framesGoToVideo() {
        return true;
    }

    @Override
    public void write(DetectedPicture picture) {
        Images.writePng(picture.file(picture.source().stem() + ".png"),
                DetectedPicture.annotated(picture.result(), picture.className()));
    }
}
