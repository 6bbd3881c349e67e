package dev.yolocam.graph;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A module's output while the graph is built: the SameDiff variable and its logical shape without the batch
 * dimension ({C, H, W} for feature maps, {N, no} for Detect's output). Feature-map variables are laid out NHWC
 * inside the graph; {@link YoloGraph} hands them out as NCHW.
 */
public record Value(SDVariable var, long... shape) {
    /** The channel axis of feature-map variables inside the graph (NHWC). */
    public static final int CHANNEL_AXIS = 3;

    public Value {
        shape = shape.clone();
    }

    public static Value map(SDVariable var, long channels, long height, long width) {
        return new Value(var, channels, height, width);
    }

    public long channels() {
        return shape[0];
    }

    public long height() {
        return shape[1];
    }

    public long width() {
        return shape[2];
    }

    public Value with(SDVariable other) {
        return new Value(other, shape);
    }
}
