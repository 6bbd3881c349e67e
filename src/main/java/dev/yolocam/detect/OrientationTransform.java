package dev.yolocam.detect;

/**
 * Turns stored pixels upright according to an EXIF orientation value, with the same operations OpenCV's
 * {@code applyExifOrientation} uses: 2 mirror left-right, 3 rotate 180, 4 mirror top-bottom, 5 transpose,
 * 6 transpose + mirror left-right (rotate 90 clockwise), 7 transpose + rotate 180, 8 transpose + mirror top-bottom
 * (rotate 90 counter-clockwise).
 */
final class OrientationTransform {
    private OrientationTransform() {
    }

    static RgbImage apply(RgbImage in, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return in;
        }
        boolean transpose = orientation >= 5;
        boolean mirrorX = orientation == 2 || orientation == 3 || orientation == 6 || orientation == 7;
        boolean mirrorY = orientation == 3 || orientation == 4 || orientation == 7 || orientation == 8;
        int outWidth = transpose ? in.height() : in.width();
        int outHeight = transpose ? in.width() : in.height();
        byte[] src = in.pixels();
        byte[] dst = new byte[src.length];
        for (int y = 0; y < outHeight; y++) {
            int ty = mirrorY ? outHeight - 1 - y : y;
            for (int x = 0; x < outWidth; x++) {
                int tx = mirrorX ? outWidth - 1 - x : x;
                int sx = transpose ? ty : tx;
                int sy = transpose ? tx : ty;
                int from = (sy * in.width() + sx) * 3;
                int to = (y * outWidth + x) * 3;
                dst[to] = src[from];
                dst[to + 1] = src[from + 1];
                dst[to + 2] = src[from + 2];
            }
        }
        return new RgbImage(outWidth, outHeight, dst);
    }
}
