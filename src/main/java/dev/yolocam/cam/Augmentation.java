package dev.yolocam.cam;

import java.util.ArrayList;
import java.util.List;

/**
 * pytorch-grad-cam's {@code aug_smooth}: the map is computed for the image flipped or not, times brightness 0.9,
 * 1.0 and 1.1 (six variants), each map is flipped back, and the six are averaged. Unlike upstream, the target
 * follows the flip: a detection's row is mirrored to the row of the mirrored grid cell.
 */
public record Augmentation(boolean flip, float brightness) {
    public static final Augmentation IDENTITY = new Augmentation(false, 1f);

    public static List<Augmentation> smoothing() {
        List<Augmentation> out = new ArrayList<>();
        for (boolean flip : new boolean[] {false, true}) {
            for (float b : new float[] {0.9f, 1f, 1.1f}) {
                out.add(new Augmentation(flip, b));
            }
        }
        return out;
    }

    /** The transformed network input (3, H, W). */
    public float[] apply(float[] input, int height, int width) {
        float[] out = new float[input.length];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                int row = (c * height + y) * width;
                for (int x = 0; x < width; x++) {
                    out[row + x] = input[row + (flip ? width - 1 - x : x)] * brightness;
                }
            }
        }
        return out;
    }

    /** A map computed on the transformed input, brought back to the original orientation. */
    public float[] undo(float[] map, int height, int width) {
        if (!flip) {
            return map;
        }
        float[] out = new float[map.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = map[y * width + width - 1 - x];
            }
        }
        return out;
    }
}
