package dev.yolocam.render;

/** NumPy's {@code np.uint8(255 * x)} for a float32 {@code x} in [0, 1]: a float32 product truncated toward zero. */
final class UnitBytes {
    private UnitBytes() {
    }

    /**
     * {@code np.uint8(255 * value)}. The product is taken in float, as NumPy does for a float32 array, so the result
     * matches bit for bit. Outside [0, 1] NumPy's cast is undefined; here values clamp to 0..255 and NaN maps to 0.
     */
    static int of(float value) {
        float scaled = 255f * value;
        if (!(scaled > 0f)) {
            return 0;
        }
        return scaled >= 255f ? 255 : (int) scaled;
    }
}
