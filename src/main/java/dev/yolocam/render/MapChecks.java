package dev.yolocam.render;

/** Argument checks shared by the functions that turn a row-major float map into a picture. */
final class MapChecks {
    private MapChecks() {
    }

    static void requireSize(float[] map, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map size must be positive, got " + width + "x" + height);
        }
        if (map.length != (long) width * height) {
            throw new IllegalArgumentException("expected " + (long) width * height + " map values for "
                    + width + "x" + height + ", got " + map.length);
        }
    }
}
