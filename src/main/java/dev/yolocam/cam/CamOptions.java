package dev.yolocam.cam;

/**
 * Method options that are not about targets or layers.
 *
 * @param batchSize forward passes batched together by ScoreCAM / AblationCAM (upstream defaults 16 / 32)
 * @param seed      for RandomCAM
 */
public record CamOptions(int batchSize, long seed) {
    public static CamOptions defaults() {
        return new CamOptions(16, 0L);
    }
}
