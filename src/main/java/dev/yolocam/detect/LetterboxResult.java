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
}
