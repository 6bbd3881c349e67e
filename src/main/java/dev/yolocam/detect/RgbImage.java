package dev.yolocam.detect;

/**
 * A decoded 8-bit image as the detector sees it: {@code width x height} pixels, row-major, three interleaved bytes
 * per pixel in <b>R, G, B</b> order (index {@code (y*width + x)*3 + c}, c = 0 red, 1 green, 2 blue).
 * This is the original image after EXIF orientation, i.e. what {@code cv2.imread} returns, except that OpenCV stores
 * B, G, R; RGB is kept here because the network input is RGB.
 *
 * <p>The pixel array is shared, not copied: treat it as read-only once the image is built.
 *
 * @param width  pixels per row, at least 1
 * @param height rows, at least 1
 * @param pixels {@code width*height*3} bytes, unsigned
 */
public record RgbImage(int width, int height, byte[] pixels) {
    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != (long) width * height * 3) {
            throw new IllegalArgumentException("expected " + (long) width * height * 3 + " bytes for "
                    + width + "x" + height + " RGB, got " + pixels.length);
        }
    }

    /** A {@code width x height} image filled with one colour. */
    public static RgbImage filled(int width, int height, int red, int green, int blue) {
        byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = (byte) red;
            pixels[i + 1] = (byte) green;
            pixels[i + 2] = (byte) blue;
        }
        return new RgbImage(width, height, pixels);
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel (x, y) as 0..255. */
    public int sample(int x, int y, int c) {
        return pixels[(y * width + x) * 3 + c] & 0xFF;
    }
}
