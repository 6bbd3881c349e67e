package dev.yolocam.render.output;

import dev.yolocam.io.JsonFile;
import dev.yolocam.render.DetectionJson;

/** {@code <stem>.json}: the picture, its network input geometry and its detections in original-image pixels. */
public final class DetectJsonOutput implements Output<DetectedPicture> {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(DetectedPicture picture) {
        JsonFile.write(picture.file(picture.source().stem() + ".json"),
                DetectionJson.of(picture.source(), picture.result(), picture.className()));
    }
}
