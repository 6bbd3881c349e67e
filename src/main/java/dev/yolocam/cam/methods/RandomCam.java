package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.ModelAccess;
import java.util.SplittableRandom;

/**
 * RandomCAM, a baseline for sanity checks: channel weights drawn uniformly from (-1, 1) like upstream's
 * {@code np.random.uniform(-1, 1)}, from a generator seeded by {@link CamOptions#seed()} and the layer name (the
 * same seed gives the same map; different layers get different weights).
 */
public final class RandomCam extends ChannelWeightCam {
    @Override
    public String name() {
        return "RandomCAM";
    }

    @Override
    public String summary() {
        return "random channel weights in (-1, 1): a baseline (seeded: the same seed gives the same map)";
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
        SplittableRandom random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + tensors.layer().hashCode());
        double[] weights = new double[tensors.channels()];
        for (int c = 0; c < weights.length; c++) {
            weights[c] = random.nextDouble(-1.0, 1.0);
        }
        return weights;
    }
}
