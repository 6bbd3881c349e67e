package dev.yolocam.cam;

import dev.yolocam.head.PredictionTable;
import dev.yolocam.head.Yolov5Predictions;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in model for the perturbation methods: an input image's score is its dot product with a fixed pattern;
 * the score of an ablated channel is looked up in a table; for gradients at a scaled layer output the target is
 * quadratic in that layer, {@code sum(q A^2 / 2 + l A)}, so its gradient is {@code q A + l} and its
 * Hessian-vector product with A is {@code q A}; an input's predictions are one row, a box over the whole input
 * with objectness 1 and one class scored as the input. Every call is recorded.
 */
final class FakeModel implements ModelAccess {
    private final int height;
    private final int width;
    private final float[] input;
    private final float[] pattern;
    private final double baseScore;
    private final double[] ablationScores;
    final List<Integer> inputBatchSizes = new ArrayList<>();
    final List<float[]> scoredInputs = new ArrayList<>();
    final List<Integer> requestedBatchSizes = new ArrayList<>();
    int[] ablatedChannels;
    float[] ablatedValues;
    String ablatedLayer;
    final List<Float> gradientFactors = new ArrayList<>();
    private float[] activation;
    private float[] curvature;
    private float[] slope;

    FakeModel(int height, int width, float[] input, float[] pattern, double baseScore, double[] ablationScores) {
        this.height = height;
        this.width = width;
        this.input = input;
        this.pattern = pattern;
        this.baseScore = baseScore;
        this.ablationScores = ablationScores;
    }

    /** A model with a pseudo-random input and pattern, base score 1 and ablation scores 1 - c/10. */
    static FakeModel of(int height, int width, int channels) {
        int n = 3 * height * width;
        float[] input = new float[n];
        float[] pattern = new float[n];
        for (int i = 0; i < n; i++) {
            input[i] = (i * 37 % 101) / 101f;
            pattern[i] = ((i * 53 % 89) - 44) / 89f;
        }
        double[] ablation = new double[channels];
        for (int c = 0; c < channels; c++) {
            ablation[c] = 1 - c / 10.0;
        }
        return new FakeModel(height, width, input, pattern, 1.0, ablation);
    }

    FakeModel withBaseScore(double score) {
        return new FakeModel(height, width, input, pattern, score, ablationScores);
    }

    /** Makes the target quadratic in the layer whose activation is {@code a}: gradient {@code q A + l}. */
    FakeModel withQuadraticTarget(float[] a, float[] q, float[] l) {
        activation = a;
        curvature = q;
        slope = l;
        return this;
    }

    /** The gradient {@code q A + l} of the quadratic target at the unmodified activation. */
    float[] gradient() {
        return gradientAt(1f);
    }

    private float[] gradientAt(float factor) {
        float[] g = new float[activation.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = curvature[i] * (factor * activation[i]) + slope[i];
        }
        return g;
    }

    double score(float[] image) {
        double s = 0;
        for (int i = 0; i < image.length; i++) {
            s += (double) image[i] * pattern[i];
        }
        return s;
    }

    @Override
    public int inputHeight() {
        return height;
    }

    @Override
    public int inputWidth() {
        return width;
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public double baseScore() {
        return baseScore;
    }

    @Override
    public double[] scoreInputs(List<float[]> inputs, int batchSize) {
        inputBatchSizes.add(inputs.size());
        requestedBatchSizes.add(batchSize);
        scoredInputs.addAll(inputs);
        return inputs.stream().mapToDouble(this::score).toArray();
    }

    @Override
    public List<PredictionTable> predictInputs(List<float[]> inputs, int batchSize) {
        inputBatchSizes.add(inputs.size());
        requestedBatchSizes.add(batchSize);
        scoredInputs.addAll(inputs);
        return inputs.stream().<PredictionTable>map(image -> new Yolov5Predictions(new float[] {
            width / 2f, height / 2f, width, height, 1f, (float) score(image)}, 1, 6)).toList();
    }

    @Override
    public double[] scoreAblated(String layer, int[] channels, float[] values, int batchSize) {
        ablatedLayer = layer;
        ablatedChannels = channels.clone();
        ablatedValues = values.clone();
        requestedBatchSizes.add(batchSize);
        double[] scores = new double[channels.length];
        for (int i = 0; i < channels.length; i++) {
            scores[i] = ablationScores[channels[i]];
        }
        return scores;
    }

    @Override
    public List<float[]> gradientsAtScaledOutput(String layer, float[] factors) {
        List<float[]> out = new ArrayList<>();
        for (float f : factors) {
            gradientFactors.add(f);
            out.add(gradientAt(f));
        }
        return out;
    }
}
