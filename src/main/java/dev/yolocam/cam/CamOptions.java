package dev.yolocam.cam;

/**
 * Method options that are not about targets or layers.
 *
 * @param batchSize forward passes batched together by ScoreCAM / AblationCAM / D-RISE (upstream defaults 16 / 32)
 * @param seed      for RandomCAM and D-RISE's masks
 * @param masks     random masks of D-RISE
 */
public record CamOptions(int batchSize, long seed, int masks) {
    /** D-RISE's masks unless told otherwise (D-RISE code for YOLOv3 uses 5000). */
    public static final int DEFAULT_MASKS = 4000;

    public CamOptions {
        if (masks < 1) {
            throw new IllegalArgumentException("masks must be positive, got " + masks);
        }
    }

    public CamOptions(int batchSize, long seed) {
        this(batchSize, seed, DEFAULT_MASKS);
    }

    public static CamOptions defaults() {
        return new CamOptions(16, 0L);
    }
}
