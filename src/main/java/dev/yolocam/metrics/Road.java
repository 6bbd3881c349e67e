package dev.yolocam.metrics;

import dev.yolocam.cam.InputScoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ROAD, RemOve And Debias (Rong et al. 2022; pytorch-grad-cam's {@code ROADMostRelevantFirstAverage} and
 * {@code ROADLeastRelevantFirstAverage}): remove p % of the pixels, most relevant first (MoRF) or least relevant
 * first (LeRF), fill them by {@link NoisyLinearImputer noisy linear imputation}, and report the target on the
 * imputed image minus the target on the original, averaged over the percentages. A faithful map gives a large drop
 * (very negative) for MoRF and a small one (near 0) for LeRF.
 *
 * <p>Two deliberate differences from upstream. (1) Upstream's {@code percentile} argument is the share of pixels
 * <em>kept</em> ({@code mask < np.percentile(cam, p)} survives MoRF); here p is the share removed. Over a set
 * symmetric about 50, such as the default 20/40/60/80, both readings remove the same shares, so the averages agree
 * (up to the noise draw). (2) Upstream
 * thresholds with a strict {@code <}, so a map with many equal values (a ReLU'd map's zeros) can remove far more or
 * fewer pixels than asked; here exactly {@code round(p/100 * pixels)} pixels are removed, in {@link PixelRanking}
 * order.
 *
 * <p>Entries {@code road_most_relevant_first} and {@code road_least_relevant_first}: lower MoRF and higher LeRF
 * are better.
 */
public final class Road implements PerMapMetric {
    /** The percentages removed by default (upstream averages 10..90; four keep the cost at 8 forward passes). */
    private static final double[] DEFAULT_PERCENTS = {20, 40, 60, 80};

    private final double[] percents;
    private final double noise;
    private final long seed;

    /**
     * @param percents the percentages of pixels removed, each in [0, 100)
     * @param noise    the imputation noise's standard deviation (upstream 0.01)
     * @param seed     seeds the noise
     */
    public Road(double[] percents, double noise, long seed) {
        if (percents.length == 0) {
            throw new IllegalArgumentException("ROAD needs at least one percentage");
        }
        for (double p : percents) {
            if (!(p >= 0 && p < 100)) {
                throw new IllegalArgumentException("ROAD percentages must lie in [0, 100), got " + p);
            }
        }
        this.percents = percents.clone();
        this.noise = noise;
        this.seed = seed;
    }

    /** 20/40/60/80 %, upstream's noise 0.01, seed 0. */
    public static Road defaults() {
        return new Road(DEFAULT_PERCENTS, NoisyLinearImputer.UPSTREAM_NOISE, 0L);
    }

    /** MoRF and LeRF, each the mean over the percentages of (target on the imputed image - target). */
    public record Scores(double mostRelevantFirst, double leastRelevantFirst) {
    }

    @Override
    public String name() {
        return "road";
    }

    @Override
    public boolean cheap() {
        return false;
    }

    @Override
    public Map<String, Double> measure(MetricSubject map, int batchSize) {
        Scores scores = measure(map.ranking(), map.scoring(), batchSize);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("road_most_relevant_first", scores.mostRelevantFirst());
        out.put("road_least_relevant_first", scores.leastRelevantFirst());
        return out;
    }

    /** Runs 2 x percentages forward passes, {@code batchSize} per batch. */
    public Scores measure(PixelRanking ranking, InputScoring model, int batchSize) {
        int h = model.inputHeight();
        int w = model.inputWidth();
        float[] input = model.input();
        List<float[]> imputed = new ArrayList<>();
        for (int i = 0; i < percents.length; i++) {
            int count = (int) Math.round(percents[i] / 100 * ranking.size());
            imputed.add(imputer(2 * i).impute(input, ranking.mostRelevant(count), 3, h, w));
            imputed.add(imputer(2 * i + 1).impute(input, ranking.leastRelevant(count), 3, h, w));
        }
        double[] scores = model.scoreInputs(imputed, batchSize);
        double base = model.baseScore();
        double morf = 0;
        double lerf = 0;
        for (int i = 0; i < percents.length; i++) {
            morf += scores[2 * i] - base;
            lerf += scores[2 * i + 1] - base;
        }
        return new Scores(morf / percents.length, lerf / percents.length);
    }

    private NoisyLinearImputer imputer(int run) {
        return new NoisyLinearImputer(noise, seed * 1_000_003L + run);
    }
}
