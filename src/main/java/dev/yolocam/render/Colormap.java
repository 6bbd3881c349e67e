package dev.yolocam.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * OpenCV's {@code COLORMAP_JET}, entry for entry: {@code jet(i)} is what
 * {@code cv2.cvtColor(cv2.applyColorMap(np.uint8([[i]]), cv2.COLORMAP_JET), cv2.COLOR_BGR2RGB)} returns, from dark
 * blue (0, 0, 128) through cyan, green and yellow to dark red (128, 0, 0).
 *
 * <p>The table is rebuilt the way OpenCV 4.x builds it rather than pasted: OpenCV's {@code ColorMap::Jet} holds GNU
 * Octave's {@code jet(256)} (piecewise-linear channels with breakpoints at 1/8, 3/8, 5/8 and 7/8) as 256 float
 * samples, resamples them with its float {@code interp1} onto {@code linspace(0, 1, 256)}, and converts with
 * {@code convertTo(CV_8U, 255.)}, which rounds half to even. About a third of the entries land exactly on .5 before
 * rounding, so the float steps are reproduced exactly; the resampling, for one, moves blue at index 159 from 2 to 1.
 */
public final class Colormap {
    private static final int SIZE = 256;

    /** Octave's jet channels as (x, value) control points; linear in between. */
    private static final double[][] RED = {{0, 0}, {3 / 8.0, 0}, {5 / 8.0, 1}, {7 / 8.0, 1}, {1, 0.5}};
    private static final double[][] GREEN = {{0, 0}, {1 / 8.0, 0}, {3 / 8.0, 1}, {5 / 8.0, 1}, {7 / 8.0, 0}, {1, 0}};
    private static final double[][] BLUE = {{0, 0.5}, {1 / 8.0, 1}, {3 / 8.0, 1}, {5 / 8.0, 0}, {1, 0}};

    private static final int[] JET = buildJet();

    private Colormap() {
    }

    /** The JET colour of {@code index} (0..255) as packed {@code 0xRRGGBB}. */
    public static int jet(int index) {
        if (index < 0 || index >= SIZE) {
            throw new IllegalArgumentException("colormap index must be 0..255, got " + index);
        }
        return JET[index];
    }

    /**
     * {@code cv2.applyColorMap(np.uint8(255 * map), cv2.COLORMAP_JET)} in RGB order: a {@code width x height}
     * row-major map of values in [0, 1] as a colour image.
     */
    public static BufferedImage applyJet(float[] map, int width, int height) {
        MapChecks.requireSize(map, width, height);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = JET[UnitBytes.of(map[i])];
        }
        return out;
    }

    private static int[] buildJet() {
        int[] red = toBytes(resample(sample(RED)));
        int[] green = toBytes(resample(sample(GREEN)));
        int[] blue = toBytes(resample(sample(BLUE)));
        int[] table = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            table[i] = red[i] << 16 | green[i] << 8 | blue[i];
        }
        return table;
    }

    /** The channel at x = i/255, evaluated in double and stored as float like OpenCV's literal table. */
    private static float[] sample(double[][] points) {
        float[] values = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[i] = (float) piecewiseLinear(points, i / (double) (SIZE - 1));
        }
        return values;
    }

    private static double piecewiseLinear(double[][] points, double x) {
        for (int j = 1; j < points.length; j++) {
            if (x <= points[j][0]) {
                double t = (x - points[j - 1][0]) / (points[j][0] - points[j - 1][0]);
                return points[j - 1][1] + t * (points[j][1] - points[j - 1][1]);
            }
        }
        return points[points.length - 1][1];
    }

    /**
     * OpenCV's {@code interp1} from {@code linspace(0, 1, 256)} onto itself, in float. Each query equals a knot, so
     * its binary search settles on the segment ending there and the result is
     * {@code y[i-1] + (x[i]-x[i-1]) * (y[i]-y[i-1]) / (x[i]-x[i-1])}, which is not always exactly {@code y[i]}.
     */
    private static float[] resample(float[] y) {
        float[] x = linspace();
        float[] out = new float[SIZE];
        out[0] = y[0];
        for (int i = 1; i < SIZE; i++) {
            out[i] = y[i - 1] + (x[i] - x[i - 1]) * (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
        }
        return out;
    }

    /** OpenCV's {@code linspace(0, 1, 256)}: {@code x0 + i * step} in float. */
    private static float[] linspace() {
        float step = 1f / (SIZE - 1);
        float[] x = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            x[i] = 0f + i * step;
        }
        return x;
    }

    /** {@code convertTo(CV_8U, 255.)}: float product, round half to even, saturate. */
    private static int[] toBytes(float[] values) {
        int[] bytes = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            bytes[i] = (int) Math.max(0, Math.min(255, Math.rint(values[i] * 255f)));
        }
        return bytes;
    }
}
