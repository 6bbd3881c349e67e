package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.MethodParameters;
import dev.yolocam.cam.ModelAccess;
import dev.yolocam.errors.UsageException;
import java.util.Set;

/**
 * FEM, the Feature Explanation Method (Fuad et al. 2020; pytorch-grad-cam's {@code fem.py}): per channel the
 * threshold {@code th = mean + k * std} over the map (population standard deviation), {@code w_c} = the share of
 * the channel's values above it; map {@code sum_c w_c A_c}. Gradient-free; the target is ignored. {@code k}
 * (default 2, upstream's) is a number of standard deviations, so it cannot be negative.
 */
public final class Fem extends ChannelWeightCam {
    private final double k;

    /** Upstream's default, k = 2. */
    public Fem() {
        this(2);
    }

    public Fem(double k) {
        this.k = k;
    }

    /** {@code k=<number of standard deviations, >= 0>}. */
    @Override
    public CamMethod withParameters(MethodParameters parameters) {
        parameters.requireOnly(name(), Set.of("k"));
        double chosen = parameters.number(name(), "k", k);
        if (chosen < 0) {
            throw new UsageException(name() + " parameter k must be 0 or more (standard deviations), got "
                    + parameters.text("k", ""));
        }
        return new Fem(chosen);
    }

    @Override
    public String name() {
        return "FEM";
    }

    @Override
    public String summary() {
        return "channel weights = share of the channel above mean + k std (k=2; gradient-free)";
    }

    @Override
    public boolean usesGradients() {
        return false;
    }

    @Override
    public boolean usesTarget() {
        return false;
    }

    @Override
    protected double[] channelWeights(LayerTensors tensors, ModelAccess model, CamOptions options) {
        float[] a = tensors.activation();
        int pixels = tensors.pixels();
        double[] weights = new double[tensors.channels()];
        for (int c = 0; c < weights.length; c++) {
            double sum = 0;
            for (int i = c * pixels; i < (c + 1) * pixels; i++) {
                sum += a[i];
            }
            double mean = sum / pixels;
            double squares = 0;
            for (int i = c * pixels; i < (c + 1) * pixels; i++) {
                squares += (a[i] - mean) * (a[i] - mean);
            }
            double threshold = mean + k * Math.sqrt(squares / pixels);
            int above = 0;
            for (int i = c * pixels; i < (c + 1) * pixels; i++) {
                if (a[i] > threshold) {
                    above++;
                }
            }
            weights[c] = above / (double) pixels;
        }
        return weights;
    }
}
