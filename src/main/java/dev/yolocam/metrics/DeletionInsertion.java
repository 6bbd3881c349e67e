package dev.yolocam.metrics;

import dev.yolocam.cam.InputScoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The causal metrics of RISE (Petsiuk et al. 2018). Deletion: starting from the image, the pixels are set to 0
 * (black, every channel; RISE's {@code torch.zeros_like} substrate) in {@link PixelRanking} order, a block of
 * {@code ceil(pixels / steps)} per step; a faithful map makes the target collapse early, a small area. Insertion:
 * starting from the image blurred by {@link GaussianBlur#RISE}, the original pixels are put back in the same order;
 * a faithful map makes the target recover early, a large area. The x axis is the fraction of pixels changed, in
 * [0, 1], and the area is the trapezoid rule over the {@code steps + 1} points.
 *
 * <p>Both areas are divided by |target on the original image|, so that 1 means "as high as the unperturbed target
 * all along" and maps of different images and targets can be compared (RISE's scores are probabilities and are not
 * normalised). When the target is 0 the areas are reported as 0.
 *
 * <p>Entries {@code deletion_auc} and {@code insertion_auc}: lower deletion and higher insertion are better.
 */
public final class DeletionInsertion implements PerMapMetric {
    /** The default number of steps: 16 forward passes per curve. */
    public static final int DEFAULT_STEPS = 16;

    private final int steps;
    private final GaussianBlur blur;

    public DeletionInsertion(int steps, GaussianBlur blur) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.steps = steps;
        this.blur = blur;
    }

    public static DeletionInsertion defaults() {
        return new DeletionInsertion(DEFAULT_STEPS, GaussianBlur.RISE);
    }

    /**
     * The target along one curve.
     *
     * @param fractions the fraction of pixels changed at each point, from 0 to 1
     * @param scores    the target at each point
     */
    public record Curve(double[] fractions, double[] scores) {
        /** The trapezoid-rule area under the curve. */
        public double area() {
            double area = 0;
            for (int i = 1; i < fractions.length; i++) {
                area += (fractions[i] - fractions[i - 1]) * (scores[i] + scores[i - 1]) / 2;
            }
            return area;
        }
    }

    /**
     * Both curves and their normalised areas.
     *
     * @param target the target on the original image, the normaliser
     */
    public record Result(Curve deletion, Curve insertion, double target) {
        public double deletionAuc() {
            return normalised(deletion.area());
        }

        public double insertionAuc() {
            return normalised(insertion.area());
        }

        private double normalised(double area) {
            return target == 0 ? 0 : area / Math.abs(target);
        }
    }

    @Override
    public String name() {
        return "deletion_insertion";
    }

    @Override
    public boolean cheap() {
        return false;
    }

    @Override
    public Map<String, Double> measure(MetricSubject map, int batchSize) {
        Result curves = measure(map.ranking(), map.scoring(), batchSize);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("deletion_auc", curves.deletionAuc());
        out.put("insertion_auc", curves.insertionAuc());
        return out;
    }

    /** Runs {@code 2 * steps} forward passes (the image itself is the model's base score), {@code batchSize} each. */
    public Result measure(PixelRanking ranking, InputScoring model, int batchSize) {
        int h = model.inputHeight();
        int w = model.inputWidth();
        float[] input = model.input();
        int pixels = h * w;
        int block = (pixels + steps - 1) / steps;
        double[] fractions = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            fractions[k] = (double) Math.min(k * block, pixels) / pixels;
        }
        double base = model.baseScore();
        float[] black = new float[input.length];
        // deletion point k (1..steps): the k*block most relevant pixels are black.
        double[] deleted = scoreSeries(input, black, ranking, block, 1, model, batchSize);
        // insertion point k (0..steps-1): the k*block most relevant pixels are original, the rest blurred.
        double[] inserted = scoreSeries(blur.apply(input, 3, h, w), input, ranking, block, 0, model, batchSize);
        double[] deletion = new double[steps + 1];
        double[] insertion = new double[steps + 1];
        deletion[0] = base;
        System.arraycopy(deleted, 0, deletion, 1, steps);
        System.arraycopy(inserted, 0, insertion, 0, steps);
        insertion[steps] = base;
        return new Result(new Curve(fractions, deletion), new Curve(fractions.clone(), insertion), base);
    }

    /**
     * Scores {@code steps} images: starting from {@code start}, the pixels of rank below {@code k * block} taken from
     * {@code finish}, for k = first .. first + steps - 1. Built and scored one batch at a time to bound memory.
     */
    private double[] scoreSeries(float[] start, float[] finish, PixelRanking ranking, int block, int first,
                                 InputScoring model, int batchSize) {
        int pixels = ranking.size();
        double[] scores = new double[steps];
        float[] current = start.clone();
        int copied = 0;
        List<float[]> batch = new ArrayList<>();
        int done = 0;
        for (int k = first; k < first + steps; k++) {
            int until = Math.min(k * block, pixels);
            for (; copied < until; copied++) {
                int p = ranking.pixel(copied);
                for (int c = 0; c < 3; c++) {
                    current[c * pixels + p] = finish[c * pixels + p];
                }
            }
            batch.add(current.clone());
            if (batch.size() == batchSize || k == first + steps - 1) {
                double[] s = model.scoreInputs(batch, batchSize);
                System.arraycopy(s, 0, scores, done, s.length);
                done += s.length;
                batch.clear();
            }
        }
        return scores;
    }
}
