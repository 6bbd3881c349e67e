package dev.yolocam.cam;

import dev.yolocam.head.PredictionTable;
import java.util.List;

/**
 * A {@link ModelAccess} test double that refuses every question a test did not mean the code under test to ask; a
 * test's model overrides only what it answers.
 */
public abstract class RefusingModel implements ModelAccess {
    private static UnsupportedOperationException notAsked(String what) {
        return new UnsupportedOperationException(what + " is not part of this test's model");
    }

    @Override
    public float[] input() {
        throw notAsked("input()");
    }

    @Override
    public double baseScore() {
        throw notAsked("baseScore()");
    }

    @Override
    public double[] scoreInputs(List<float[]> inputs, int batchSize) {
        throw notAsked("scoreInputs()");
    }

    @Override
    public double[] scoreAblated(String layer, int[] channels, float[] values, int batchSize) {
        throw notAsked("scoreAblated()");
    }

    @Override
    public List<float[]> gradientsAtScaledOutput(String layer, float[] factors) {
        throw notAsked("gradientsAtScaledOutput()");
    }

    @Override
    public List<PredictionTable> predictInputs(List<float[]> inputs, int batchSize) {
        throw notAsked("predictInputs()");
    }
}
