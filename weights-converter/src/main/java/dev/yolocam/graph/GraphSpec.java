package dev.yolocam.graph;

import java.util.Set;

/**
 * What a graph is built for. A SameDiff graph is tied to one input shape (Detect's grids are constants), to the
 * set of module paths whose gradients will be asked for ("taps": a zero VARIABLE is added there so that SameDiff
 * differentiates down to, and only down to, those outputs; {@link GraphBuilder#INPUT_TAP} taps the input image),
 * and to the module outputs the caller edits at each pass.
 *
 * @param editedOutputs module paths whose output feature map becomes {@code out * scale + shift}, with a scale and
 *                      a shift per batch item and channel fed at each pass as the (B, C) placeholders
 *                      {@link #editScale} and {@link #editShift} (scale 1 and shift 0 leave the output unchanged)
 */
public record GraphSpec(int batch, int height, int width, Set<String> gradientTaps, Set<String> editedOutputs) {
    public GraphSpec {
        gradientTaps = Set.copyOf(gradientTaps);
        editedOutputs = Set.copyOf(editedOutputs);
        if (batch < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("batch, height and width must be positive");
        }
    }

    public GraphSpec(int batch, int height, int width, Set<String> gradientTaps) {
        this(batch, height, width, gradientTaps, Set.of());
    }

    public static GraphSpec forward(int height, int width) {
        return new GraphSpec(1, height, width, Set.of(), Set.of());
    }

    public GraphSpec withTaps(Set<String> taps) {
        return new GraphSpec(batch, height, width, taps, editedOutputs);
    }

    public GraphSpec withBatch(int newBatch) {
        return new GraphSpec(newBatch, height, width, gradientTaps, editedOutputs);
    }

    public GraphSpec withEditedOutput(String layer) {
        Set<String> edited = new java.util.HashSet<>(editedOutputs);
        edited.add(layer);
        return new GraphSpec(batch, height, width, gradientTaps, edited);
    }

    /** The placeholder holding the per-item, per-channel factor of {@code layer}'s edited output. */
    public static String editScale(String layer) {
        return layer + "/edit_scale";
    }

    /** The placeholder holding the per-item, per-channel term added to {@code layer}'s edited output. */
    public static String editShift(String layer) {
        return layer + "/edit_shift";
    }
}
