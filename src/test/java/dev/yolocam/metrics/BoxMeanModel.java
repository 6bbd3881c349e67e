package dev.yolocam.metrics;

import dev.yolocam.cam.InputScoring;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in detector for the faithfulness metrics: the score of an input is the mean of its values (all channels)
 * inside a fixed box, so only the pixels of that box matter. Records the batches it is asked to score.
 */
final class BoxMeanModel implements InputScoring {
    private final int height;
    private final int width;
    private final float[] input;
    private final int x1;
    private final int y1;
    private final int x2;
    private final int y2;
    final List<Integer> batchSizes = new ArrayList<>();
    final List<Integer> listSizes = new ArrayList<>();

    /** The box is {@code [x1, x2) x [y1, y2)} in pixels; {@code input} is (3, height, width). */
    BoxMeanModel(int height, int width, float[] input, int x1, int y1, int x2, int y2) {
        this.height = height;
        this.width = width;
        this.input = input;
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
    }

    /** A black image with a white square filling the scored box exactly. */
    static BoxMeanModel whiteSquare(int height, int width, int x1, int y1, int x2, int y2) {
        float[] image = new float[3 * height * width];
        for (int c = 0; c < 3; c++) {
            for (int y = y1; y < y2; y++) {
                for (int x = x1; x < x2; x++) {
                    image[c * height * width + y * width + x] = 1f;
                }
            }
        }
        return new BoxMeanModel(height, width, image, x1, y1, x2, y2);
    }

    double score(float[] image) {
        double sum = 0;
        int pixels = height * width;
        for (int c = 0; c < 3; c++) {
            for (int y = y1; y < y2; y++) {
                for (int x = x1; x < x2; x++) {
                    sum += image[c * pixels + y * width + x];
                }
            }
        }
        return sum / (3.0 * (x2 - x1) * (y2 - y1));
    }

    /** A map that is 1 inside {@code [x1, x2) x [y1, y2)} and 0 elsewhere. */
    float[] boxMap(int bx1, int by1, int bx2, int by2) {
        float[] map = new float[height * width];
        for (int y = by1; y < by2; y++) {
            for (int x = bx1; x < bx2; x++) {
                map[y * width + x] = 1f;
            }
        }
        return map;
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
        return score(input);
    }

    @Override
    public double[] scoreInputs(List<float[]> inputs, int batchSize) {
        batchSizes.add(batchSize);
        listSizes.add(inputs.size());
        return inputs.stream().mapToDouble(this::score).toArray();
    }
}
