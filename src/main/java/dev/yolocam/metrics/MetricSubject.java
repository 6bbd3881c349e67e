package dev.yolocam.metrics;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.InputScoring;
import dev.yolocam.detect.Detection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One map with everything a metric may ask about it. The map and the detection boxes are in the network-input
 * frame; the labelled map is in the original image's.
 */
public final class MetricSubject {
    /** Seeds the tie order of the pixel ranking (ROAD's noise has its own fixed seed): reproducible numbers. */
    private static final long RANKING_SEED = 0L;

    private final float[] map;
    private final InputScoring scoring;
    private final List<Detection> explained;
    private final List<Detection> others;
    private final Supplier<Optional<LabelledMap>> labelled;
    private PixelRanking ranking;

    /**
     * @param map       {@code scoring.inputHeight() x scoring.inputWidth()} values in [0, 1], row-major
     * @param scoring   the map's target on the image ({@link InputScoring#input()}) and on other inputs of its size
     * @param explained the detections the map explains
     * @param others    the image's other detections
     * @param labelled  the map with the image's labelled boxes, or empty when the image has no label file; asked
     *                  for only by the metrics that need it (reading the label file may fail with a one-line error)
     */
    public MetricSubject(float[] map, InputScoring scoring, List<Detection> explained, List<Detection> others,
                         Supplier<Optional<LabelledMap>> labelled) {
        CamMath.checkSize(map, 1, scoring.inputHeight(), scoring.inputWidth());
        this.map = map;
        this.scoring = scoring;
        this.explained = List.copyOf(explained);
        this.others = List.copyOf(others);
        this.labelled = labelled;
    }

    /** The map, {@link #height()} x {@link #width()}. Do not modify. */
    public float[] map() {
        return map;
    }

    public int height() {
        return scoring.inputHeight();
    }

    public int width() {
        return scoring.inputWidth();
    }

    public InputScoring scoring() {
        return scoring;
    }

    public List<Detection> explained() {
        return explained;
    }

    public List<Detection> others() {
        return others;
    }

    public Optional<LabelledMap> labelled() {
        return labelled.get();
    }

    /** The map's pixels from most to least relevant, ranked once for all metrics that remove or insert pixels. */
    public PixelRanking ranking() {
        if (ranking == null) {
            ranking = PixelRanking.of(map, RANKING_SEED);
        }
        return ranking;
    }
}
