package dev.yolocam.detect;

/**
 * YOLOv5 v7.0 preprocessing: {@code check_img_size} and {@code letterbox(im, new_shape, color=(114,114,114),
 * auto, scaleFill=False, scaleup=True, stride)} followed by HWC to CHW, float32 and division by 255.
 * With {@code auto} the padding is the smallest that makes each side a multiple of the stride (what
 * {@code detect.py} does per image); without it the result is always the requested size (one shape for a batch).
 * The resize is OpenCV's fixed-point {@code INTER_LINEAR} ({@link LinearResize}), so the output is bit-exact.
 */
public final class Letterbox {
    /** The grey of the padding, in all three channels. */
    public static final int PAD_VALUE = 114;

    private static final float[] UNIT_VALUES = new float[256];

    static {
        for (int k = 0; k < 256; k++) {
            UNIT_VALUES[k] = k / 255f;
        }
    }

    private Letterbox() {
    }

    /**
     * YOLOv5's {@code check_img_size}: {@code size} rounded up to a multiple of {@code stride} (the model's largest
     * stride, at least 32 in {@code DetectMultiBackend}).
     */
    public static int checkImgSize(int size, int stride) {
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException("image size and stride must be positive, got " + size + ", " + stride);
        }
        return Math.multiplyExact((size + stride - 1) / stride, stride);
    }

    /** {@code letterbox(..., auto=True)}: the minimum rectangle, each side a multiple of {@code stride}. */
    public static LetterboxResult apply(RgbImage image, int height, int width, int stride) {
        return apply(image, height, width, stride, true);
    }

    /**
     * Resizes {@code image} to fit {@code height x width} (aspect ratio kept, up- or down-scaling) and pads it with
     * {@link #PAD_VALUE}: to a multiple of {@code stride} when {@code auto}, else to exactly {@code height x width}.
     */
    public static LetterboxResult apply(RgbImage image, int height, int width, int stride, boolean auto) {
        if (height <= 0 || width <= 0 || stride <= 0) {
            throw new IllegalArgumentException("size and stride must be positive, got " + height + "x" + width
                    + ", stride " + stride);
        }
        int h0 = image.height();
        int w0 = image.width();
        double ratio = Math.min((double) height / h0, (double) width / w0);
        // Python round() is round-half-even, as is Math.rint. Upstream would fail on a zero side; keep one pixel.
        int unpadWidth = Math.max(1, (int) Math.rint(w0 * ratio));
        int unpadHeight = Math.max(1, (int) Math.rint(h0 * ratio));
        int dw = width - unpadWidth;
        int dh = height - unpadHeight;
        if (auto) {
            dw = Math.floorMod(dw, stride);
            dh = Math.floorMod(dh, stride);
        }
        double halfDw = dw / 2.0;
        double halfDh = dh / 2.0;
        int top = (int) Math.rint(halfDh - 0.1);
        int bottom = (int) Math.rint(halfDh + 0.1);
        int left = (int) Math.rint(halfDw - 0.1);
        int right = (int) Math.rint(halfDw + 0.1);

        RgbImage resized = LinearResize.resize(image, unpadWidth, unpadHeight);
        RgbImage padded = pad(resized, top, bottom, left, right);
        return new LetterboxResult(toInputTensor(padded), padded, padded.height(), padded.width(), ratio,
                unpadWidth, unpadHeight, left, top, right, bottom);
    }

    private static RgbImage pad(RgbImage image, int top, int bottom, int left, int right) {
        if (top == 0 && bottom == 0 && left == 0 && right == 0) {
            return image;
        }
        int width = image.width() + left + right;
        int height = image.height() + top + bottom;
        RgbImage out = RgbImage.filled(width, height, PAD_VALUE, PAD_VALUE, PAD_VALUE);
        int rowBytes = image.width() * 3;
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.pixels(), y * rowBytes, out.pixels(), ((y + top) * width + left) * 3, rowBytes);
        }
        return out;
    }

    /** HWC RGB uint8 to NCHW float32 k/255. */
    private static float[] toInputTensor(RgbImage image) {
        int plane = image.width() * image.height();
        float[] tensor = new float[3 * plane];
        byte[] pixels = image.pixels();
        for (int i = 0; i < plane; i++) {
            tensor[i] = UNIT_VALUES[pixels[i * 3] & 0xFF];
            tensor[plane + i] = UNIT_VALUES[pixels[i * 3 + 1] & 0xFF];
            tensor[2 * plane + i] = UNIT_VALUES[pixels[i * 3 + 2] & 0xFF];
        }
        return tensor;
    }
}
