package dev.yolocam.audit;

import dev.yolocam.detect.LabelBox;

/**
 * The pointing game of Zhang et al. (2016): a hit when the map's peak lies inside the box (the pixel's centre, as
 * {@code metrics.PointingGame} counts pixels). A map without energy (all zero) points nowhere: a miss. The first
 * maximum counts on ties.
 */
final class PointingHit {
    private PointingHit() {
    }

    static boolean of(float[] map, int height, int width, LabelBox box) {
        int peak = -1;
        float best = 0f;
        for (int i = 0; i < map.length; i++) {
            if (map[i] > best) {
                best = map[i];
                peak = i;
            }
        }
        if (peak < 0) {
            return false;
        }
        double cx = peak % width + 0.5;
        double cy = peak / width + 0.5;
        return cx >= box.x1() && cx <= box.x2() && cy >= box.y1() && cy <= box.y2();
    }
}
