package dev.yolocam.graph;

import java.util.Set;

/**
 * What a graph is built for. A SameDiff graph is tied to one input shape (Detect's grids are constants), to the
 * set of module paths whose gradients will be asked for ("taps": a zero VARIABLE is added there so that SameDiff
 * differentiates down to, and only down to, those outputs; {@link GraphBuilder#INPUT_TAP} taps the input image),
 * and optionally to one module whose output channels can be overwritten per batch item (AblationCAM).
 *
 * @param ablatedLayer null, or a module path whose output becomes {@code out * keep + fill} with the
 *                     (B, 1, 1, C) placeholders (the graph is NHWC inside) {@link #ablationKeep} and {@link #ablationFill}
 */
public record GraphSpec(int batch, int height, int width, Set<String> gradientTaps, String ablatedLayer) {
    public GraphSpec {
        gradientTaps = Set.copyOf(gradientTaps);
        if (batch < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("batch, height and width must be positive");
        }
    }

    public GraphSpec(int batch, int height, int width, Set<String> gradientTaps) {
        this(batch, height, width, gradientTaps, null);
    }

    public static GraphSpec forward(int height, int width) {
        return new GraphSpec(1, height, width, Set.of(), null);
    }

    public GraphSpec withTaps(Set<String> taps) {
        return new GraphSpec(batch, height, width, taps, ablatedLayer);
    }

    public GraphSpec withBatch(int newBatch) {
        return new GraphSpec(newBatch, height, width, gradientTaps, ablatedLayer);
    }

    public GraphSpec withAblation(String layer) {
        return new GraphSpec(batch, height, width, gradientTaps, layer);
    }

    public static String ablationKeep(String layer) {
        return layer + "/ablation_keep";
    }

    public static String ablationFill(String layer) {
        return layer + "/ablation_fill";
    }
}
