package dev.yolocam.cam;

import java.util.Arrays;
import java.util.List;

/**
 * The array arithmetic shared by all CAM methods, following pytorch-grad-cam (commit 084273b) step by step: ReLU,
 * {@code scale_cam_image}, OpenCV's float bilinear resize, multi-layer aggregation, channel sums and
 * {@code get_2d_projection}, plus the two post-processing steps of the YOLOv5 explainer (keep the top percent,
 * renormalise inside boxes). Maps are row-major {@code h*w} float arrays, tensors {@code (C, h, w)} in C order.
 * Inputs are never modified. Where upstream computes in float32 and the rounding is visible in the result (the
 * min-max scaling and the resizes), the same float operations are used; sums are accumulated in double.
 */
public final class CamMath {
    /** The epsilon of {@code scale_cam_image}: {@code c / (1e-7 + max(c))}. */
    public static final double SCALE_EPSILON = 1e-7;

    private CamMath() {
    }

    /** How {@link #aggregate} combines the maps of several target layers. */
    public enum Aggregation {
        /** pytorch-grad-cam's {@code aggregate_multi_layers}. */
        MEAN,
        /** Pixel-wise maximum (not upstream; keeps a strong response of one layer at full strength). */
        MAX
    }

    /** {@code max(x, 0)}; NaN becomes 0 so that later steps cannot produce NaN. */
    public static float[] relu(float[] map) {
        float[] out = new float[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = map[i] > 0 ? map[i] : 0f;
        }
        return out;
    }

    /**
     * {@code scale_cam_image} without a target size: {@code c = x - min(x)}, {@code c / (1e-7 + max(c))}. The
     * maximum of the result is {@code m / (m + 1e-7)} (float32), not 1; a constant map becomes all zero. NaN values
     * count as 0.
     */
    public static float[] scale(float[] map) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : map) {
            min = Math.min(min, clean(v));
        }
        float[] out = new float[map.length];
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < map.length; i++) {
            out[i] = clean(map[i]) - min;
            max = Math.max(max, out[i]);
        }
        // numpy: 1e-7 + float32 scalar is a float64 scalar; dividing the float32 array by it is done in float32.
        float denominator = (float) (SCALE_EPSILON + max);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] / denominator;
        }
        return out;
    }

    /** {@code scale_cam_image(map, (outWidth, outHeight))}: {@link #scale}, then {@link #resizeBilinear}. */
    public static float[] scaleCam(float[] map, int height, int width, int outHeight, int outWidth) {
        checkSize(map, 1, height, width);
        return resizeBilinear(scale(map), height, width, outHeight, outWidth);
    }

    /**
     * {@code cv2.resize(float32 map, (outWidth, outHeight))} with INTER_LINEAR: half-pixel centres
     * ({@code src = (dst + 0.5) * in/out - 0.5}), edge clamping, float weights {@code 1 - f, f}, a horizontal then a
     * vertical pass in float arithmetic.
     */
    public static float[] resizeBilinear(float[] src, int height, int width, int outHeight, int outWidth) {
        checkSize(src, 1, height, width);
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
    public static float[] resizeBilinearAlignCorners(float[] src, int height, int width, int outHeight,
            int outWidth) {
        checkSize(src, 1, height, width);
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

    /**
     * Combines the already scaled maps of several target layers (all of one size): {@code max(., 0)}, the
     * pixel-wise mean (upstream) or maximum, then {@link #scale} again without resizing.
     */
    public static float[] aggregate(List<float[]> maps, Aggregation mode) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("no maps to aggregate");
        }
        int n = maps.get(0).length;
        for (float[] map : maps) {
            if (map.length != n) {
                throw new IllegalArgumentException("maps to aggregate differ in size: " + n + " vs " + map.length);
            }
        }
        float[] combined = new float[n];
        for (int i = 0; i < n; i++) {
            float acc = 0f;
            for (float[] map : maps) {
                float v = map[i] > 0 ? map[i] : 0f;
                acc = mode == Aggregation.MEAN ? acc + v : Math.max(acc, v);
            }
            combined[i] = mode == Aggregation.MEAN ? acc / maps.size() : acc;
        }
        return scale(combined);
    }

    /** {@code tensor.sum(axis=channels)}: the {@code h*w} map of a {@code (C, h, w)} tensor (double accumulation). */
    public static float[] channelSum(float[] tensor, int channels, int height, int width) {
        checkSize(tensor, channels, height, width);
        int pixels = height * width;
        double[] sum = new double[pixels];
        for (int c = 0; c < channels; c++) {
            int base = c * pixels;
            for (int i = 0; i < pixels; i++) {
                sum[i] += tensor[base + i];
            }
        }
        float[] out = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            out[i] = (float) sum[i];
        }
        return out;
    }

    /**
     * {@code get_2d_projection}: the projection of every pixel's centred channel vector onto the first principal
     * direction, with the deterministic sign of {@link PrincipalProjection#signed}: its largest-magnitude value is
     * positive.
     */
    public static float[] projection(float[] tensor, int channels, int height, int width) {
        checkSize(tensor, channels, height, width);
        return PrincipalProjection.signed(tensor, channels, height, width);
    }

    /**
     * The same projection with the sign of the solver's singular vector, not oriented: equals upstream's map or its
     * negative ({@link PrincipalProjection#unsigned}).
     */
    public static float[] projectionUnsigned(float[] tensor, int channels, int height, int width) {
        checkSize(tensor, channels, height, width);
        return PrincipalProjection.unsigned(tensor, channels, height, width);
    }

    /**
     * The YOLOv5 explainer's {@code keep_only_topk}: for {@code 0 < percent < 100}, zero every value at or below
     * {@code numpy.percentile(map, 100 - percent)} (linear interpolation between order statistics); other
     * percentages return a copy unchanged.
     */
    public static float[] keepTopPercent(float[] map, double percent) {
        float[] out = map.clone();
        if (!(percent > 0 && percent < 100) || map.length == 0) {
            return out;
        }
        double threshold = percentile(map, 100 - percent);
        for (int i = 0; i < out.length; i++) {
            if (out[i] <= threshold) {
                out[i] = 0f;
            }
        }
        return out;
    }

    /**
     * The explainer's {@code renormalize_cam_in_bounding_boxes}: inside each box {@code (x1, y1, x2, y2)} (pixels
     * of the map; truncated to int like Python's {@code int()}, clipped to the map, x2/y2 exclusive like a slice)
     * the map is min-max scaled on its own like {@link #scale}; pixels outside every box become 0; where boxes
     * overlap the larger value wins; finally the whole map is {@link #scale}d again. Upstream passes the 2-D crop
     * to {@code scale_cam_image}, which iterates over its rows and so normalises each row of a box separately;
     * this implements the documented intent, one normalisation per box.
     */
    public static float[] renormalizeInBoxes(float[] map, int height, int width, List<double[]> boxes) {
        checkSize(map, 1, height, width);
        float[] out = new float[map.length];
        for (double[] box : boxes) {
            int x1 = clip((int) box[0], width);
            int y1 = clip((int) box[1], height);
            int x2 = clip((int) box[2], width);
            int y2 = clip((int) box[3], height);
            if (x2 <= x1 || y2 <= y1) {
                continue;
            }
            float[] crop = new float[(x2 - x1) * (y2 - y1)];
            for (int y = y1; y < y2; y++) {
                System.arraycopy(map, y * width + x1, crop, (y - y1) * (x2 - x1), x2 - x1);
            }
            float[] scaled = scale(crop);
            for (int y = y1; y < y2; y++) {
                for (int x = x1; x < x2; x++) {
                    int i = y * width + x;
                    out[i] = Math.max(out[i], scaled[(y - y1) * (x2 - x1) + x - x1]);
                }
            }
        }
        return scale(out);
    }

    private static double percentile(float[] values, double q) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double index = q / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(index);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double t = index - lo;
        return sorted[lo] + (sorted[hi] - (double) sorted[lo]) * t;
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

    private static float clean(float v) {
        return Float.isNaN(v) ? 0f : v;
    }

    private static int clip(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }

    private static void checkTarget(int outHeight, int outWidth) {
        if (outHeight <= 0 || outWidth <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + outWidth + "x" + outHeight);
        }
    }

    /** Throws IllegalArgumentException unless {@code data} holds {@code channels x height x width} values. */
    public static void checkSize(float[] data, int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0 || data.length != channels * height * width) {
            throw new IllegalArgumentException("expected " + channels + "x" + height + "x" + width + " values, got "
                    + data.length);
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
