package dev.yolocam.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.metrics.LayerRanking.Ranked;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layer score and the ranking built on it. */
class LayerRankingTest {
    @Test
    void scoreIsTheInsertionDeletionMarginTimesTheOwnBoxMass() {
        List<Ranked> r = LayerRanking.rank(List.of("a", "b"), List.of(
                Map.of("insertion_auc", 0.9, "deletion_auc", 0.3, "own_box_mass", 0.6, "confidence_change", 5.0),
                Map.of("insertion_auc", 0.5, "deletion_auc", 0.5)));
        assertEquals("a", r.get(0).layer());
        assertEquals((0.9 - 0.3) * 0.6, r.get(0).score(), 1e-12);
        assertEquals(Map.of("insertion_auc", 0.9, "deletion_auc", 0.3, "own_box_mass", 0.6), r.get(0).terms(),
                "only the score's terms");
        assertEquals(0.0, r.get(1).score(), 1e-12, "no own-box mass: the margin alone");
    }

    @Test
    void aMapAllInTheBoxesButNoBetterThanChanceLosesToAFaithfulOneWithLessMassThere() {
        List<Ranked> r = LayerRanking.rank(List.of("edges", "faithful"), List.of(
                Map.of("insertion_auc", 1.0, "deletion_auc", 0.84, "own_box_mass", 1.0),
                Map.of("insertion_auc", 1.0, "deletion_auc", 0.36, "own_box_mass", 0.33)));
        assertEquals("faithful", r.get(0).layer());
    }

    @Test
    void layersAreRankedBestFirstEqualScoresKeepTheirOrderAndNaNComesLast() {
        List<Ranked> r = LayerRanking.rank(List.of("nan", "low", "tie1", "high", "tie2"), List.of(
                Map.of("insertion_auc", Double.NaN, "deletion_auc", 0.0),
                Map.of("insertion_auc", 0.1, "deletion_auc", 0.9),
                Map.of("insertion_auc", 0.5, "deletion_auc", 0.5),
                Map.of("insertion_auc", 1.0, "deletion_auc", 0.0),
                Map.of("insertion_auc", 0.6, "deletion_auc", 0.6)));
        assertEquals(List.of("high", "tie1", "tie2", "low", "nan"), r.stream().map(Ranked::layer).toList());
    }

    @Test
    void severalImagesAverageEachLayersScoreAndTerms() {
        List<Ranked> one = LayerRanking.rank(List.of("a", "b"), List.of(
                Map.of("insertion_auc", 1.0, "deletion_auc", 0.0, "own_box_mass", 1.0),
                Map.of("insertion_auc", 0.5, "deletion_auc", 0.5, "own_box_mass", 0.5)));
        List<Ranked> two = LayerRanking.rank(List.of("a", "b"), List.of(
                Map.of("insertion_auc", 0.0, "deletion_auc", 1.0, "own_box_mass", 0.0),
                Map.of("insertion_auc", 0.6, "deletion_auc", 0.4, "own_box_mass", 0.6)));
        List<Ranked> both = LayerRanking.combine(List.of(one, two));
        assertEquals(List.of("a", "b"), both.stream().map(Ranked::layer).toList());
        assertEquals(0.5, both.get(0).score(), 1e-12, "(1 x 1 + (-1) x 0) / 2");
        assertEquals(0.06, both.get(1).score(), 1e-12, "(0 x 0.5 + 0.2 x 0.6) / 2");
        assertEquals(0.5, both.get(0).terms().get("insertion_auc"), 1e-12);
    }

    @Test
    void aMapWithoutTheCurvesCannotBeScored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerRanking.rank(List.of("a"), List.of(Map.of("insertion_auc", 1.0))));
        assertTrue(e.getMessage().contains("deletion_auc"), e.getMessage());
        assertTrue(LayerRanking.METRICS.includes("deletion_insertion") && LayerRanking.METRICS.includes("box_mass"));
    }

    @Test
    void metricSetWithAddsOnlyWhatIsMissingAfterWhatIsThere() {
        MetricSet cheap = MetricSet.cheap();
        MetricSet ranked = cheap.with(LayerRanking.METRICS);
        assertEquals(List.of("confidence_change", "box_mass", "deletion_insertion"),
                ranked.included().stream().map(Metric::name).toList());
    }
}
