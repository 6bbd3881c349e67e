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

    /** {@code scale_cam_image(map, (outWidth, outHeight))}: {@link #scale}, then {@link MapResize#bilinear}. */
    public static float[] scaleCam(float[] map, int height, int width, int outHeight, int outWidth) {
        checkSize(map, 1, height, width);
        return MapResize.bilinear(scale(map), height, width, outHeight, outWidth);
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

    private static float clean(float v) {
        return Float.isNaN(v) ? 0f : v;
    }

    private static int clip(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }

    /** Throws IllegalArgumentException unless {@code data} holds {@code channels x height x width} values. */
    public static void checkSize(float[] data, int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0 || data.length != channels * height * width) {
            throw new IllegalArgumentException("expected " + channels + "x" + height + "x" + width + " values, got "
                    + data.length);
        }
    }


}
