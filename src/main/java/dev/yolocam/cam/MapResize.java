package dev.yolocam.cam;

/**
 * Resizing a map as the two upstream libraries do: OpenCV's float INTER_LINEAR (pytorch-grad-cam's
 * {@code scale_cam_image}) and torch's bilinear upsampling with aligned corners (ScoreCAM's masks).
 */
public final class MapResize {
    private MapResize() {
    }

    /**
     * {@code cv2.resize(float32 map, (outWidth, outHeight))} with INTER_LINEAR: half-pixel centres
     * ({@code src = (dst + 0.5) * in/out - 0.5}), edge clamping, float weights {@code 1 - f, f}, a horizontal then a
     * vertical pass in float arithmetic.
     */
    public static float[] bilinear(float[] src, int height, int width, int outHeight, int outWidth) {
        CamMath.checkSize(src, 1, height, width);
        checkTarget(outHeight, outWidth);
        if (height == outHeight && width == outWidth) {
            return src.clone();
        }
        Taps xs = Taps.halfPixel(width, outWidth);
        Taps ys = Taps.halfPixel(height, outHeight);
        float[] rows = new float[height * outWidth];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < outWidth; x++) {
                rows[y * outWidth + x] = src[y * width + xs.index0[x]] * xs.weight0[x]
                        + src[y * width + xs.index1[x]] * xs.weight1[x];
            }
        }
        return verticalPass(rows, outWidth, ys, outHeight);
    }

    /**
     * {@code torch.nn.UpsamplingBilinear2d(size=(outHeight, outWidth))}, i.e. bilinear with
     * {@code align_corners=True}: {@code src = dst * (in - 1) / (out - 1)}, so the corner pixels map onto each
     * other exactly. Used by ScoreCAM.
     */
    public static float[] bilinearAlignCorners(float[] src, int height, int width, int outHeight,
            int outWidth) {
        CamMath.checkSize(src, 1, height, width);
        checkTarget(outHeight, outWidth);
        Taps xs = Taps.alignCorners(width, outWidth);
        Taps ys = Taps.alignCorners(height, outHeight);
        float[] out = new float[outHeight * outWidth];
        for (int y = 0; y < outHeight; y++) {
            int r0 = ys.index0[y] * width;
            int r1 = ys.index1[y] * width;
            for (int x = 0; x < outWidth; x++) {
                float top = xs.weight0[x] * src[r0 + xs.index0[x]] + xs.weight1[x] * src[r0 + xs.index1[x]];
                float bottom = xs.weight0[x] * src[r1 + xs.index0[x]] + xs.weight1[x] * src[r1 + xs.index1[x]];
                out[y * outWidth + x] = ys.weight0[y] * top + ys.weight1[y] * bottom;
            }
        }
        return out;
    }

    private static float[] verticalPass(float[] rows, int width, Taps ys, int outHeight) {
        float[] out = new float[outHeight * width];
        for (int y = 0; y < outHeight; y++) {
            int r0 = ys.index0[y] * width;
            int r1 = ys.index1[y] * width;
            for (int x = 0; x < width; x++) {
                out[y * width + x] = rows[r0 + x] * ys.weight0[y] + rows[r1 + x] * ys.weight1[y];
            }
        }
        return out;
    }

    private static void checkTarget(int outHeight, int outWidth) {
        if (outHeight <= 0 || outWidth <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + outWidth + "x" + outHeight);
        }
    }

    /** Per destination index along one axis: the two source indices and their float weights. */
    private record Taps(int[] index0, int[] index1, float[] weight0, float[] weight1) {
        static Taps halfPixel(int srcSize, int dstSize) {
            Taps taps = allocate(dstSize);
            double scale = 1.0 / ((double) dstSize / srcSize);
            for (int d = 0; d < dstSize; d++) {
                float f = (float) ((d + 0.5) * scale - 0.5);
                int s = (int) Math.floor(f);
                f -= s;
                if (s < 0) {
                    s = 0;
                    f = 0f;
                }
                if (s >= srcSize - 1) {
                    s = srcSize - 1;
                    f = 0f;
                }
                taps.set(d, s, Math.min(s + 1, srcSize - 1), 1f - f, f);
            }
            return taps;
        }

        static Taps alignCorners(int srcSize, int dstSize) {
            Taps taps = allocate(dstSize);
            float scale = dstSize > 1 ? (float) (srcSize - 1) / (dstSize - 1) : 0f;
            for (int d = 0; d < dstSize; d++) {
                float real = scale * d;
                int s = Math.min((int) real, srcSize - 1);
                float lambda1 = real - s;
                taps.set(d, s, s < srcSize - 1 ? s + 1 : s, 1f - lambda1, lambda1);
            }
            return taps;
        }

        private static Taps allocate(int n) {
            return new Taps(new int[n], new int[n], new float[n], new float[n]);
        }

        private void set(int d, int i0, int i1, float w0, float w1) {
            index0[d] = i0;
            index1[d] = i1;
            weight0[d] = w0;
            weight1[d] = w1;
        }
    }
}
