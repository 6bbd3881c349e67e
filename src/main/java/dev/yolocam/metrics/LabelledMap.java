package dev.yolocam.metrics;

import dev.yolocam.detect.LabelBox;
import dev.yolocam.detect.YoloLabels;
import dev.yolocam.cam.CamMath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A map in the frame of an image's ground truth, for the {@link PointingGame}: the map resized to the original
 * image (letterbox removed) and the boxes of the image's YOLO label file in the same pixels.
 *
 * @param map    {@code height x width} values, row-major
 * @param boxes  the labelled boxes, original-image pixels
 */
public record LabelledMap(float[] map, int height, int width, List<LabelBox> boxes) {
    public LabelledMap {
        CamMath.checkSize(map, 1, height, width);
        boxes = List.copyOf(boxes);
    }

    /** The original-frame map with the boxes of {@code image}'s label file, or empty when it has none. */
    public static Optional<LabelledMap> forImage(Path image, float[] originalMap, int height, int width) {
        return YoloLabels.forImage(image, width, height).map(boxes -> new LabelledMap(originalMap, height, width,
                boxes));
    }

    /** {@link PointingGame#energy} of the map against the boxes. */
    public double pointingGameEnergy() {
        return PointingGame.energy(map, height, width, boxes);
    }
}
