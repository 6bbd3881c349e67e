package dev.yolocam.detect;

import dev.yolocam.graph.GraphSpec;

/**
 * The size pictures are letterboxed into before the network sees them, (height, width) in pixels: YOLOv5's
 * {@code --imgsz}, one value for a square or height and width.
 */
public record InputSize(int height, int width) {
    /** The smallest side: one cell of the coarsest level of a stride-32 model. */
    public static final int MIN_SIDE = 32;
    /** The largest side: far above any trained size, and well below sizes whose activations would not fit memory. */
    public static final int MAX_SIDE = 8192;

    public InputSize {
        if (!allows(height) || !allows(width)) {
            throw new IllegalArgumentException("input size sides must be between " + MIN_SIDE + " and " + MAX_SIDE
                    + ", got " + height + "x" + width);
        }
    }

    public static InputSize square(int side) {
        return new InputSize(side, side);
    }

    /** One value (a square) or {height, width}, as {@code --imgsz} takes them. */
    public static InputSize of(int... sides) {
        if (sides.length != 1 && sides.length != 2) {
            throw new IllegalArgumentException("an input size is one or two values, got " + sides.length);
        }
        return new InputSize(sides[0], sides[sides.length - 1]);
    }

    public static boolean allows(int side) {
        return side >= MIN_SIDE && side <= MAX_SIDE;
    }

    /** Each side rounded up to a multiple of {@code stride} (YOLOv5's check_img_size). */
    public InputSize roundedUpTo(int stride) {
        return new InputSize(Letterbox.checkImgSize(height, stride), Letterbox.checkImgSize(width, stride));
    }

    /** The spec of the plain forward graph (batch 1, no gradient taps) at this size. */
    public GraphSpec forwardSpec() {
        return GraphSpec.forward(height, width);
    }

    /** As {@code --imgsz} is written: {@code 640} for a square, {@code 480 640} otherwise. */
    public String text() {
        return height == width ? Integer.toString(height) : height + " " + width;
    }
}
