package dev.yolocam.graph;

import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A forward + backward pass whose seed was decided from its own Detect output, together with that decision
 * ({@link YoloGraph#seededPass}).
 */
public record SeededPass<T>(OutAndGrad pass, T decision) {
    /** What a seeding function returns: d(target)/d(Detect output), and what it decided on the way. */
    public record Seed<T>(INDArray gradient, T decision) {
    }
}
