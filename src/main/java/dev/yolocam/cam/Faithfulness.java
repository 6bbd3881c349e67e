package dev.yolocam.cam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Numbers that say whether a map points at what the detector uses, computed with the map's own target. The map is
 * in the network-input frame (values in [0, 1]); the names of the results are stable:
 * <ul>
 * <li>{@code target}, {@code target_on_image_times_map}, {@code confidence_change},
 * {@code relative_confidence_change}: pytorch-grad-cam's CamMultImageConfidenceChange, the target on the image
 * multiplied by the map minus the target on the image (and that over |target|): a map that keeps what matters loses
 * little.</li>
 * <li>{@code road_most_relevant_first}, {@code road_least_relevant_first}: {@link Road}, the target change after
 * imputing the most / least relevant pixels, averaged over 20/40/60/80 %: lower MoRF and higher LeRF are better.</li>
 * <li>{@code deletion_auc}, {@code insertion_auc}: {@link DeletionInsertion}, areas under the target-vs-fraction
 * curves divided by |target|: lower deletion and higher insertion are better.</li>
 * <li>{@code pointing_game_energy}: {@link PointingGame}, the share of the map's energy inside the labelled boxes;
 * only when the image has a YOLO label file.</li>
 * </ul>
 */
public final class Faithfulness {
    /** Seeds the tie order of the pixel ranking (ROAD's noise has its own fixed seed): reproducible numbers. */
    private static final long SEED = 0L;

    private Faithfulness() {
    }

    /** The confidence change alone (one forward pass). */
    public static Map<String, Double> measure(float[] map, ModelAccess model) {
        return confidenceChange(map, model);
    }

    /**
     * The chosen metrics, in the order listed above; an empty map for {@link MetricSet#none()}.
     *
     * @param batchSize    forward passes per batch for ROAD and deletion / insertion
     * @param labelledMap  the map in the labels' frame with the labelled boxes; asked for only when the pointing game
     *                     is wanted (reading the label file may fail with a one-line error)
     */
    public static Map<String, Double> measure(float[] map, ModelAccess model, MetricSet metrics, int batchSize,
                                              Supplier<Optional<LabelledMap>> labelledMap) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (metrics.includes(MetricSet.Metric.CONFIDENCE_CHANGE)) {
            out.putAll(confidenceChange(map, model));
        }
        boolean road = metrics.includes(MetricSet.Metric.ROAD);
        boolean causal = metrics.includes(MetricSet.Metric.DELETION_INSERTION);
        if (road || causal) {
            PixelRanking ranking = PixelRanking.of(map, SEED);
            if (road) {
                Road.Scores scores = Road.defaults().measure(ranking, model, batchSize);
                out.put("road_most_relevant_first", scores.mostRelevantFirst());
                out.put("road_least_relevant_first", scores.leastRelevantFirst());
            }
            if (causal) {
                DeletionInsertion.Result curves = DeletionInsertion.defaults().measure(ranking, model, batchSize);
                out.put("deletion_auc", curves.deletionAuc());
                out.put("insertion_auc", curves.insertionAuc());
            }
        }
        if (metrics.includes(MetricSet.Metric.POINTING_GAME)) {
            labelledMap.get().ifPresent(m -> out.put("pointing_game_energy", m.pointingGameEnergy()));
        }
        return out;
    }

    private static Map<String, Double> confidenceChange(float[] map, ModelAccess model) {
        float[] masked = maskedInput(model.input(), map, model.inputHeight() * model.inputWidth());
        return confidenceChange(model.baseScore(), model.scoreInputs(List.of(masked), 1)[0]);
    }

    /** CamMultImageConfidenceChange's input: every channel of the (3, H, W) input times the (H, W) map. */
    static float[] maskedInput(float[] input, float[] map, int pixels) {
        float[] masked = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            masked[i] = input[i] * map[i % pixels];
        }
        return masked;
    }

    /** The confidence-change entries, from the target on the image and on the image times the map. */
    static Map<String, Double> confidenceChange(double base, double kept) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("target", base);
        out.put("target_on_image_times_map", kept);
        out.put("confidence_change", kept - base);
        out.put("relative_confidence_change", base == 0 ? 0.0 : (kept - base) / Math.abs(base));
        return out;
    }
}
