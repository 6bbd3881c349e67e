package dev.yolocam.detect;

import java.util.List;

/**
 * Upstream's {@code scale_boxes(img1_shape, boxes, img0_shape)}: maps boxes from the letterboxed network input
 * back to the original image. Like upstream it <em>recomputes</em> the gain {@code min(H/H0, W/W0)} and the
 * padding {@code ((W - W0*gain)/2, (H - H0*gain)/2)} in double instead of using the letterbox's paddings — kept
 * fractional by YOLOv5 v7.0, rounded as {@code round(pad - 0.1)} by Ultralytics 8.x — then applies them in float32
 * (torch casts the Python scalars to the tensor's float32): {@code x = (x - padX) / gain},
 * {@code y = (y - padY) / gain}, and clips x to [0, W0], y to [0, H0]. This matches both oracles'
 * {@code dets_*_orig.npy} bit for bit.
 */
public final class BoxScaler {
    private final int originalHeight;
    private final int originalWidth;
    private final double gain;
    private final double padX;
    private final double padY;

    /**
     * YOLOv5's, for an input of {@code inputHeight x inputWidth} made from an original of
     * {@code originalHeight x originalWidth}.
     */
    public BoxScaler(int inputHeight, int inputWidth, int originalHeight, int originalWidth) {
        this(inputHeight, inputWidth, originalHeight, originalWidth, false);
    }

    /** As upstream's for the family: {@code integerPadding} rounds the padding as Ultralytics 8.x does. */
    public BoxScaler(int inputHeight, int inputWidth, int originalHeight, int originalWidth,
                     boolean integerPadding) {
        if (inputHeight <= 0 || inputWidth <= 0 || originalHeight <= 0 || originalWidth <= 0) {
            throw new IllegalArgumentException("sizes must be positive: input " + inputHeight + "x" + inputWidth
                    + ", original " + originalHeight + "x" + originalWidth);
        }
        this.originalHeight = originalHeight;
        this.originalWidth = originalWidth;
        this.gain = Math.min((double) inputHeight / originalHeight, (double) inputWidth / originalWidth);
        double padX = (inputWidth - originalWidth * gain) / 2;
        double padY = (inputHeight - originalHeight * gain) / 2;
        // Python's round() is half-to-even, as Math.rint.
        this.padX = integerPadding ? Math.rint(padX - 0.1) : padX;
        this.padY = integerPadding ? Math.rint(padY - 0.1) : padY;
    }

    /** Upstream's gain: input pixels per original pixel. */
    public double gain() {
        return gain;
    }

    /** Upstream's horizontal padding: a float for YOLOv5 (not the letterbox's integer left padding). */
    public double padX() {
        return padX;
    }

    /** Upstream's vertical padding. */
    public double padY() {
        return padY;
    }

    /** The detection with its box in original-image pixels (float, clipped, not rounded). */
    public Detection toOriginal(Detection d) {
        float g = (float) gain;
        float px = (float) padX;
        float py = (float) padY;
        return d.withBox(clip((d.x1() - px) / g, originalWidth), clip((d.y1() - py) / g, originalHeight),
                clip((d.x2() - px) / g, originalWidth), clip((d.y2() - py) / g, originalHeight));
    }

    public List<Detection> toOriginal(List<Detection> detections) {
        return detections.stream().map(this::toOriginal).toList();
    }

    private static float clip(float value, int max) {
        return Math.min(Math.max(value, 0f), (float) max);
    }
}
