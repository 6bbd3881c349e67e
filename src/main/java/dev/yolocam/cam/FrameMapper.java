package dev.yolocam.cam;

import dev.yolocam.detect.LetterboxResult;

/** Maps a network-input-frame map to the original image: cut the letterbox padding away, resize to (H0, W0). */
public final class FrameMapper {
    private FrameMapper() {
    }

    public static float[] toOriginal(float[] map, LetterboxResult lb, int originalHeight, int originalWidth) {
        int h = lb.height() - lb.padTop() - lb.padBottom();
        int w = lb.width() - lb.padLeft() - lb.padRight();
        float[] cropped = new float[h * w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(map, (y + lb.padTop()) * lb.width() + lb.padLeft(), cropped, y * w, w);
        }
        return MapResize.bilinear(cropped, h, w, originalHeight, originalWidth);
    }
}
