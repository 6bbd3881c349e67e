package dev.yolocam.metrics;

import dev.yolocam.cam.CamMath;

/**
 * A separable Gaussian blur of each channel of a {@code (channels, height, width)} image, the insertion metric's
 * starting image. RISE blurs with an 11x11 kernel of sigma 5 ({@code gkern(11, 5)}); this is the same support and
 * sigma, normalised to sum 1, with edge pixels repeated instead of RISE's zero padding so the border does not darken.
 */
public final class GaussianBlur {
    /** RISE's insertion substrate: kernel radius 5 (11 taps), sigma 5. */
    public static final GaussianBlur RISE = new GaussianBlur(5, 5.0);

    private final double[] kernel;
    private final int radius;

    public GaussianBlur(int radius, double sigma) {
        if (radius < 0 || !(sigma > 0)) {
            throw new IllegalArgumentException("radius must be >= 0 and sigma > 0, got " + radius + ", " + sigma);
        }
        this.radius = radius;
        this.kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
    }

    /** The blurred image; a new array. */
    public float[] apply(float[] image, int channels, int height, int width) {
        CamMath.checkSize(image, channels, height, width);
        int pixels = height * width;
        float[] out = new float[image.length];
        double[] rows = new double[pixels];
        for (int c = 0; c < channels; c++) {
            int base = c * pixels;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double s = 0;
                    for (int k = -radius; k <= radius; k++) {
                        s += kernel[k + radius] * image[base + y * width + clamp(x + k, width)];
                    }
                    rows[y * width + x] = s;
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double s = 0;
                    for (int k = -radius; k <= radius; k++) {
                        s += kernel[k + radius] * rows[clamp(y + k, height) * width + x];
                    }
                    out[base + y * width + x] = (float) s;
                }
            }
        }
        return out;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }
}
