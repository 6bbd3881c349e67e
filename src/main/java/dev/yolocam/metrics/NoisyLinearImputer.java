package dev.yolocam.metrics;

import dev.yolocam.cam.CamMath;
import java.util.Random;

/**
 * ROAD's noisy linear imputation (Rong et al. 2022, pytorch-grad-cam {@code metrics/road.py}, from the authors'
 * {@code road_evaluation}): every removed pixel becomes the weighted mean of its in-image 8-neighbours (weight 1/6
 * for the four direct, 1/12 for the four diagonal neighbours), removed neighbours included, so all removed pixels
 * are solved for together (LinearInfill solves that system); then Gaussian noise of standard deviation
 * {@code noise} (upstream's default 0.01, absolute, in input units) is added to the removed pixels only. Kept pixels
 * are never changed; each channel is solved on its own. When every pixel is removed there is nothing to interpolate
 * and the pixels become noise around 0.
 */
public final class NoisyLinearImputer {
    /** Upstream's {@code NoisyLinearImputer(noise=0.01)}. */
    public static final double UPSTREAM_NOISE = 0.01;

    private final double noise;
    private final long seed;

    /**
     * @param noise standard deviation of the Gaussian noise added to the imputed pixels (0 for none)
     * @param seed  the noise generator's seed: the same seed gives the same image
     */
    public NoisyLinearImputer(double noise, long seed) {
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
        this.noise = noise;
        this.seed = seed;
    }

    /** Upstream's noise level with the given seed. */
    public static NoisyLinearImputer upstream(long seed) {
        return new NoisyLinearImputer(UPSTREAM_NOISE, seed);
    }

    /**
     * The image {@code (channels, height, width)} with the pixels where {@code removed[y * width + x]} is true
     * imputed in every channel; a new array.
     */
    public float[] impute(float[] image, boolean[] removed, int channels, int height, int width) {
        CamMath.checkSize(image, channels, height, width);
        int pixels = height * width;
        if (removed.length != pixels) {
            throw new IllegalArgumentException("mask has " + removed.length + " values for " + pixels + " pixels");
        }
        float[] out = image.clone();
        Random random = new Random(seed);
        double[] plane = new double[pixels];
        LinearInfill infill = new LinearInfill(removed, height, width);
        for (int c = 0; c < channels; c++) {
            int base = c * pixels;
            for (int p = 0; p < pixels; p++) {
                plane[p] = image[base + p];
            }
            double[] filled = infill.fill(plane);
            for (int p = 0; p < pixels; p++) {
                if (removed[p]) {
                    out[base + p] = (float) (filled[p] + noise * random.nextGaussian());
                }
            }
        }
        return out;
    }
}
