package dev.yolocam.detect;

import java.util.Random;

/** Deterministic pseudo-random pictures for property tests (cheaper than letting jqwik generate every byte). */
final class TestImages {
    private TestImages() {
    }

    /** Noise mixed with smooth gradients, so resizing has both edges and flat areas to get right. */
    static RgbImage random(int width, int height, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int o = (y * width + x) * 3;
                pixels[o] = (byte) random.nextInt(256);
                pixels[o + 1] = (byte) (255 * x / Math.max(1, width - 1));
                pixels[o + 2] = (byte) ((x * 7 + y * 13) % 256);
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
