package dev.yolocam.graph;

import java.util.Set;

/**
 * What a graph is built for. A SameDiff graph is tied to one input shape (Detect's grids are constants), and to
 * the set of module paths whose gradients will be asked for ("taps": a zero VARIABLE is added there so that
 * SameDiff differentiates down to, and only down to, those outputs).
 */
public record GraphSpec(int batch, int height, int width, Set<String> gradientTaps) {
    public GraphSpec {
        gradientTaps = Set.copyOf(gradientTaps);
        if (batch < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("batch, height and width must be positive");
        }
    }

    public static GraphSpec forward(int height, int width) {
        return new GraphSpec(1, height, width, Set.of());
    }

    public GraphSpec withTaps(Set<String> taps) {
        return new GraphSpec(batch, height, width, taps);
    }

    public GraphSpec withBatch(int newBatch) {
        return new GraphSpec(newBatch, height, width, gradientTaps);
    }
}
