package dev.yolocam.metrics;

import dev.yolocam.detect.LabelBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The metrics on a {@link BoxMeanModel} whose score depends only on a white square: a map on that square must beat
 * a map on another, empty, square on every metric.
 */
class FaithfulnessMetricsTest {
    private static final int H = 32;
    private static final int W = 32;
    private final BoxMeanModel model = BoxMeanModel.whiteSquare(H, W, 8, 8, 16, 16);
    private final float[] onObject = model.boxMap(8, 8, 16, 16);
    private final float[] elsewhere = model.boxMap(20, 20, 28, 28);
    private final List<LabelBox> truth = List.of(new LabelBox(0, 8, 8, 16, 16));

    @Test
    void deletionAreaIsSmallerForTheMapOnTheObject() {
        DeletionInsertion.Result good = DeletionInsertion.defaults().measure(PixelRanking.of(onObject, 0), model, 4);
        DeletionInsertion.Result bad = DeletionInsertion.defaults().measure(PixelRanking.of(elsewhere, 0), model, 4);
        // 16 steps of 64 pixels: the first step deletes exactly the square, so the curve is 1, 0, 0, ...
        assertEquals(0.5 / 16, good.deletionAuc(), 1e-12);
        assertTrue(bad.deletionAuc() > 0.3, "deletion AUC of the misplaced map: " + bad.deletionAuc());
    }

    @Test
    void insertionAreaIsLargerForTheMapOnTheObject() {
        DeletionInsertion.Result good = DeletionInsertion.defaults().measure(PixelRanking.of(onObject, 0), model, 4);
        DeletionInsertion.Result bad = DeletionInsertion.defaults().measure(PixelRanking.of(elsewhere, 0), model, 4);
        double blurred = good.insertion().scores()[0];
        assertTrue(blurred > 0.2 && blurred < 0.9, "the blurred square keeps part of its mean: " + blurred);
        assertEquals(1.0, good.insertion().scores()[1], 1e-6, "the first step puts the whole square back");
        assertTrue(good.insertionAuc() > 0.95, "insertion AUC of the good map: " + good.insertionAuc());
        assertTrue(good.insertionAuc() > bad.insertionAuc() + 0.2,
                good.insertionAuc() + " vs " + bad.insertionAuc());
    }

    @Test
    void curvesRunFromNothingChangedToEverythingChangedAndEndAtTheKnownImages() {
        DeletionInsertion.Result r = new DeletionInsertion(5, GaussianBlur.RISE)
                .measure(PixelRanking.of(elsewhere, 3), model, 16);
        double[] f = r.deletion().fractions();
        assertEquals(6, f.length);
        assertEquals(0.0, f[0]);
        assertEquals(1.0, f[5]);
        assertEquals(1.0, r.deletion().scores()[0], 1e-12, "deletion starts at the target");
        assertEquals(0.0, r.deletion().scores()[5], 1e-12, "everything black");
        assertEquals(1.0, r.insertion().scores()[5], 1e-12, "insertion ends at the target");
        assertEquals(1.0, r.target());
    }

    @Test
    void deletionAndInsertionScoreInBatchesOfTheGivenSize() {
        DeletionInsertion.defaults().measure(PixelRanking.of(onObject, 0), model, 6);
        assertTrue(model.batchSizes.stream().allMatch(b -> b == 6));
        assertEquals(List.of(6, 6, 4, 6, 6, 4), model.listSizes, "16 deletion then 16 insertion images");
    }

    @Test
    void trapezoidAreaOfAKnownCurve() {
        DeletionInsertion.Curve c = new DeletionInsertion.Curve(new double[] {0, 0.5, 1}, new double[] {1, 1, 0});
        assertEquals(0.75, c.area(), 1e-12);
    }

    @Test
    void areasAreDividedByTheMagnitudeOfTheTarget() {
        DeletionInsertion.Curve flat = new DeletionInsertion.Curve(new double[] {0, 1}, new double[] {-2, -2});
        DeletionInsertion.Result r = new DeletionInsertion.Result(flat, flat, -2);
        assertEquals(-1.0, r.deletionAuc(), 1e-12);
        assertEquals(0.0, new DeletionInsertion.Result(flat, flat, 0).insertionAuc(), "target 0: reported as 0");
    }

    @Test
    void roadMostRelevantFirstDropsMoreForTheMapOnTheObject() {
        Road.Scores good = Road.defaults().measure(PixelRanking.of(onObject, 0), model, 8);
        Road.Scores bad = Road.defaults().measure(PixelRanking.of(elsewhere, 0), model, 8);
        // Removing the square and filling it from the black surroundings leaves noise only.
        assertEquals(-1.0, good.mostRelevantFirst(), 0.01);
        assertTrue(bad.mostRelevantFirst() > good.mostRelevantFirst() + 0.3,
                good.mostRelevantFirst() + " vs " + bad.mostRelevantFirst());
    }

    @Test
    void roadLeastRelevantFirstKeepsTheObjectOfTheGoodMap() {
        Road.Scores good = Road.defaults().measure(PixelRanking.of(onObject, 0), model, 8);
        Road.Scores bad = Road.defaults().measure(PixelRanking.of(elsewhere, 0), model, 8);
        assertEquals(0.0, good.leastRelevantFirst(), 1e-12, "at most 80 % removed: the top 64 pixels stay");
        assertTrue(bad.leastRelevantFirst() < -0.05, "LeRF of the misplaced map: " + bad.leastRelevantFirst());
    }

    @Test
    void roadScoresAllImputedImagesAsOneBatchedCall() {
        Road.defaults().measure(PixelRanking.of(onObject, 0), model, 3);
        assertEquals(List.of(8), model.listSizes, "4 percentages x (MoRF, LeRF)");
        assertEquals(List.of(3), model.batchSizes);
    }

    @Test
    void roadIsReproducible() {
        Road.Scores a = Road.defaults().measure(PixelRanking.of(elsewhere, 0), model, 8);
        Road.Scores b = Road.defaults().measure(PixelRanking.of(elsewhere, 0), model, 8);
        assertEquals(a, b);
    }

    @Test
    void pointingGameGivesAllEnergyToTheMapOnTheObjectAndNoneToTheOther() {
        assertEquals(1.0, PointingGame.energy(onObject, H, W, truth));
        assertEquals(0.0, PointingGame.energy(elsewhere, H, W, truth));
    }

    @Test
    void pointingGameCountsPixelsByTheirCentresAndOverlapsOnce() {
        float[] map = new float[4 * 4];
        java.util.Arrays.fill(map, 1f);
        // Centres at 0.5, 1.5, ...: [0.6, 2.5] holds centres 1.5 and 2.5 in x, [0, 1] holds 0.5 in y.
        assertEquals(2.0 / 16, PointingGame.energy(map, 4, 4, List.of(new LabelBox(0, 0.6, 0, 2.5, 1))), 1e-12);
        List<LabelBox> overlapping = List.of(new LabelBox(0, 0, 0, 2, 2), new LabelBox(1, 1, 1, 3, 3));
        assertEquals(7.0 / 16, PointingGame.energy(map, 4, 4, overlapping), 1e-12);
        assertEquals(0.0, PointingGame.energy(new float[16], 4, 4, overlapping), "no energy, no score");
    }

    @Test
    void measureReturnsTheChosenMetricsUnderStableNames() {
        LabelledMap labelled = new LabelledMap(onObject, H, W, truth);
        Map<String, Double> all = new MetricsStage(MetricSet.all(), 16).measure(subject(onObject,
                () -> Optional.of(labelled)));
        assertEquals(List.of("target", "target_on_image_times_map", "confidence_change", "relative_confidence_change",
                "road_most_relevant_first", "road_least_relevant_first", "deletion_auc", "insertion_auc",
                "pointing_game_energy"), List.copyOf(all.keySet()));
        all.values().forEach(v -> assertTrue(Double.isFinite(v), all.toString()));
        assertEquals(1.0, all.get("pointing_game_energy"));
        assertEquals(0.0, all.get("confidence_change"), 1e-9, "the map is 1 on the whole square");

        Map<String, Double> unlabelled = new MetricsStage(MetricSet.all(), 16).measure(subject(onObject,
                Optional::empty));
        assertFalse(unlabelled.containsKey("pointing_game_energy"), "no label file, no pointing game");
        assertEquals(8, unlabelled.size());
    }

    @Test
    void cheapMetricsOfAMapWithoutDetectionsAreTheConfidenceChangeAloneAndNeverReadLabels() {
        Map<String, Double> cheap = new MetricsStage(MetricSet.cheap(), 16).measure(subject(elsewhere, () -> {
            throw new AssertionError("labels read for the cheap metrics");
        }));
        assertEquals(List.of(1), model.listSizes, "one forward pass");
        assertEquals(new ConfidenceChange().measure(MetricBatch.of(subject(elsewhere, Optional::empty), 16)).get(0),
                cheap);
        assertEquals(-1.0, cheap.get("confidence_change"), 1e-9);
        assertEquals(-1.0, cheap.get("relative_confidence_change"), 1e-9);
        assertTrue(new MetricsStage(MetricSet.none(), 16).measure(subject(elsewhere, Optional::empty)).isEmpty());
    }

    @Test
    void metricSetsParseByName() {
        assertEquals(MetricSet.all(), MetricSet.parse(" ALL "));
        assertEquals(MetricSet.cheap(), MetricSet.parse("cheap"));
        assertTrue(MetricSet.parse("none").isEmpty());
        assertTrue(MetricSet.cheap().includes("confidence_change"));
        assertFalse(MetricSet.cheap().includes("road"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricSet.parse("some"));
        assertTrue(e.getMessage().contains("cheap, all or none"), e.getMessage());
    }

    private MetricSubject subject(float[] map, Supplier<Optional<LabelledMap>> labelled) {
        return new MetricSubject(map, model, List.of(), List.of(), labelled);
    }

    @Test
    void rankingPutsLargerValuesFirstAndShufflesTies() {
        float[] map = {0f, 0.5f, 0f, 1f, 0f, 0f, 0f, 0f};
        PixelRanking r = PixelRanking.of(map, 7);
        assertEquals(3, r.pixel(0));
        assertEquals(1, r.pixel(1));
        boolean[] top = r.mostRelevant(2);
        assertTrue(top[3] && top[1]);
        boolean[] bottom = r.leastRelevant(6);
        assertFalse(bottom[3] || bottom[1]);
        java.util.Set<List<Integer>> tieOrders = new java.util.HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            PixelRanking ranked = PixelRanking.of(map, seed);
            tieOrders.add(java.util.stream.IntStream.range(2, 8).mapToObj(ranked::pixel).toList());
        }
        assertTrue(tieOrders.size() > 1, "ties follow the seed, not the pixel position");
        assertEquals(r.pixel(5), PixelRanking.of(map, 7).pixel(5), "same seed, same order");
    }
}
