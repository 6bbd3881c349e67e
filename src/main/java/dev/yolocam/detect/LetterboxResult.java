package dev.yolocam.detect;

/**
 * The network input made by {@link Letterbox} and the geometry that maps it back to the original image.
 *
 * @param input       the input tensor (1, 3, height, width) in NCHW order, channels R, G, B, each value the uint8
 *                    sample divided by 255 in float32 (exactly YOLOv5's {@code im.float() / 255})
 * @param image       the same pixels as 8-bit RGB (the letterboxed picture, padding included)
 * @param height      input height H
 * @param width       input width W
 * @param ratio       the resize factor r = min(H_requested/H0, W_requested/W0)
 * @param unpadWidth  width of the resized image inside the padding, {@code round(W0*r)}
 * @param unpadHeight height of the resized image inside the padding, {@code round(H0*r)}
 * @param padLeft     columns of padding on the left
 * @param padTop      rows of padding on the top
 * @param padRight    columns of padding on the right (equal to padLeft or one more)
 * @param padBottom   rows of padding on the bottom (equal to padTop or one more)
 */
public record LetterboxResult(float[] input, RgbImage image, int height, int width, double ratio,
                              int unpadWidth, int unpadHeight, int padLeft, int padTop, int padRight, int padBottom) {

    /** The input tensor's shape, {@code {1, 3, height, width}}. */
    public int[] shape() {
        return new int[] {1, 3, height, width};
    }

    /** A box of the original image ({@code originalWidth x originalHeight}) in this input's pixels: scaled per axis, then padded. */
    public LabelBox toInput(LabelBox box, int originalWidth, int originalHeight) {
        double sx = (double) unpadWidth / originalWidth;
        double sy = (double) unpadHeight / originalHeight;
        return new LabelBox(box.classId(), box.x1() * sx + padLeft, box.y1() * sy + padTop, box.x2() * sx + padLeft,
                box.y2() * sy + padTop);
    }

    /** A box of this input in pixels of the original image: the letterbox undone, clipped to the picture. */
    public Detection toOriginal(Detection box, int originalWidth, int originalHeight) {
        float sx = (float) unpadWidth / originalWidth;
        float sy = (float) unpadHeight / originalHeight;
        return box.withBox(clip((box.x1() - padLeft) / sx, originalWidth), clip((box.y1() - padTop) / sy, originalHeight),
                clip((box.x2() - padLeft) / sx, originalWidth), clip((box.y2() - padTop) / sy, originalHeight));
    }

    private static float clip(float v, int max) {
        return Math.max(0f, Math.min(v, max));
    }
}
