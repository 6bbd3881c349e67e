package dev.yolocam.metrics;

import dev.yolocam.detect.LabelBox;
import dev.yolocam.cam.CamMath;
import java.util.List;
import java.util.Map;

/**
 * The energy-based pointing game of the Score-CAM paper (Wang et al. 2020): the share of the map's energy (the sum
 * of its values) that lies inside the ground-truth boxes, counting each pixel once however many boxes cover it.
 * 1 means all of the map is on labelled objects, 0 none of it. Map and boxes must be in the same frame; a pixel
 * {@code (x, y)} is inside a box when its centre {@code (x + 0.5, y + 0.5)} is. Negative and NaN values count as 0
 * (a map is non-negative after the ReLU); a map with no energy scores 0.
 *
 * <p>As a metric: entry {@code pointing_game_energy}, the map in the original image's frame against the boxes of
 * the image's YOLO label file; only when the image has one.
 */
public final class PointingGame implements PerMapMetric {
    @Override
    public String name() {
        return "pointing_game";
    }

    @Override
    public boolean cheap() {
        return false;
    }

    @Override
    public Map<String, Double> measure(MetricSubject map, int batchSize) {
        return map.labelled().map(m -> Map.of("pointing_game_energy", m.pointingGameEnergy())).orElse(Map.of());
    }

    /** The energy share of {@code map} ({@code height x width}, row-major) inside the union of {@code boxes}. */
    public static double energy(float[] map, int height, int width, List<LabelBox> boxes) {
        CamMath.checkSize(map, 1, height, width);
        return share(map, inside(boxes, height, width));
    }

    /** Which pixels of a {@code height x width} frame lie inside the union of {@code boxes} (by their centres). */
    static boolean[] inside(List<LabelBox> boxes, int height, int width) {
        boolean[] inside = new boolean[height * width];
        for (LabelBox b : boxes) {
            int x1 = firstCentreAtOrAfter(b.x1(), width);
            int x2 = firstCentreAfter(b.x2(), width);
            int y1 = firstCentreAtOrAfter(b.y1(), height);
            int y2 = firstCentreAfter(b.y2(), height);
            for (int y = y1; y < y2; y++) {
                for (int x = x1; x < x2; x++) {
                    inside[y * width + x] = true;
                }
            }
        }
        return inside;
    }

    /** The share of the map's energy on the pixels where {@code inside} is true; 0 for a map without energy. */
    static double share(float[] map, boolean[] inside) {
        double total = 0;
        double in = 0;
        for (int i = 0; i < map.length; i++) {
            double v = map[i] > 0 ? map[i] : 0;
            total += v;
            if (inside[i]) {
                in += v;
            }
        }
        return total > 0 ? Math.min(1.0, in / total) : 0;
    }

    /** The smallest pixel index whose centre is >= edge, clipped to [0, size]. */
    private static int firstCentreAtOrAfter(double edge, int size) {
        return clip((int) Math.ceil(edge - 0.5), size);
    }

    /** One past the last pixel index whose centre is <= edge, clipped to [0, size]. */
    private static int firstCentreAfter(double edge, int size) {
        return clip((int) Math.floor(edge - 0.5) + 1, size);
    }

    private static int clip(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }
}
