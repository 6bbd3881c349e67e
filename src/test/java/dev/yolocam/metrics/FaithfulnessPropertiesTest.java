package dev.yolocam.metrics;

import dev.yolocam.detect.LabelBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.cam.TensorArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the faithfulness metrics over random maps, images, masks and boxes. */
class FaithfulnessPropertiesTest {

    /** A map of 1..8 x 1..8 pixels with any kind of values (random, zero, constant, negative). */
    record Case(int height, int width, float[] map) {
    }

    @Provide
    Arbitrary<Case> maps() {
        return Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 8))
                .as((h, w) -> new int[] {h, w})
                .flatMap(s -> TensorArbitraries.values(s[0] * s[1]).map(m -> new Case(s[0], s[1], m)));
    }

    @Provide
    Arbitrary<List<LabelBox>> boxes() {
        Arbitrary<Double> coordinate = Arbitraries.doubles().between(-3, 12);
        return Combinators.combine(coordinate, coordinate, coordinate, coordinate)
                .as((a, b, c, d) -> new LabelBox(0, Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)))
                .list().ofMaxSize(4);
    }

    @Property
    void pointingGameEnergyIsAShare(@ForAll("maps") Case c, @ForAll("boxes") List<LabelBox> boxes) {
        double energy = PointingGame.energy(c.map(), c.height(), c.width(), boxes);
        assertTrue(energy >= 0 && energy <= 1, "energy " + energy);
    }

    @Property
    void aBoxCoveringTheImageHoldsAllEnergyOfAPositiveMap(@ForAll("maps") Case c) {
        boolean positive = false;
        for (float v : c.map()) {
            positive |= v > 0;
        }
        Assume.that(positive);
        List<LabelBox> whole = List.of(new LabelBox(0, 0, 0, c.width(), c.height()));
        assertEquals(1.0, PointingGame.energy(c.map(), c.height(), c.width(), whole), 1e-9);
    }

    @Property(tries = 60)
    void deletionAndInsertionAreasAreFiniteAndCurvesEndAtTheTarget(@ForAll("maps") Case c,
            @ForAll @IntRange(min = 1, max = 10) int steps, @ForAll @IntRange(min = 1, max = 5) int batchSize) {
        int h = c.height();
        int w = c.width();
        BoxMeanModel model = new BoxMeanModel(h, w, image(h, w), 0, 0, (w + 1) / 2, (h + 1) / 2);
        DeletionInsertion.Result r = new DeletionInsertion(steps, GaussianBlur.RISE)
                .measure(PixelRanking.of(c.map(), 1), model, batchSize);
        assertTrue(Double.isFinite(r.deletionAuc()) && Double.isFinite(r.insertionAuc()), r.toString());
        double base = model.baseScore();
        assertEquals(base, r.deletion().scores()[0], 1e-12);
        assertEquals(base, r.insertion().scores()[steps], 1e-12);
        assertEquals(0.0, r.deletion().scores()[steps], 1e-12, "all pixels black at the end");
        double[] f = r.deletion().fractions();
        for (int i = 1; i < f.length; i++) {
            assertTrue(f[i] >= f[i - 1], "fractions are non-decreasing");
        }
        assertEquals(1.0, f[f.length - 1]);
        assertTrue(model.listSizes.stream().allMatch(n -> n <= batchSize));
    }

    @Property(tries = 60)
    void roadScoresAreFinite(@ForAll("maps") Case c) {
        int h = c.height();
        int w = c.width();
        BoxMeanModel model = new BoxMeanModel(h, w, image(h, w), 0, 0, w, (h + 1) / 2);
        Road.Scores s = Road.defaults().measure(PixelRanking.of(c.map(), 0), model, 4);
        assertTrue(Double.isFinite(s.mostRelevantFirst()) && Double.isFinite(s.leastRelevantFirst()), s.toString());
    }

    @Property
    void imputationKeepsKeptPixelsAndFillsWithinTheirRange(@ForAll("maps") Case c, @ForAll long maskSeed) {
        int h = c.height();
        int w = c.width();
        int pixels = h * w;
        java.util.SplittableRandom random = new java.util.SplittableRandom(maskSeed);
        boolean[] removed = new boolean[pixels];
        for (int p = 0; p < pixels; p++) {
            removed[p] = random.nextBoolean();
        }
        removed[random.nextInt(pixels)] = false;
        float[] image = new float[3 * pixels];
        for (int i = 0; i < image.length; i++) {
            image[i] = c.map()[i % pixels] * (1 + i / pixels);
        }
        float[] out = new NoisyLinearImputer(0, 0).impute(image, removed, 3, h, w);
        for (int ch = 0; ch < 3; ch++) {
            List<Float> kept = new ArrayList<>();
            for (int p = 0; p < pixels; p++) {
                if (!removed[p]) {
                    kept.add(image[ch * pixels + p]);
                    assertEquals(image[ch * pixels + p], out[ch * pixels + p]);
                }
            }
            double lo = kept.stream().mapToDouble(Float::doubleValue).min().orElseThrow();
            double hi = kept.stream().mapToDouble(Float::doubleValue).max().orElseThrow();
            double slack = 1e-5 * Math.max(1, Math.max(Math.abs(lo), Math.abs(hi)));
            for (int p = 0; p < pixels; p++) {
                float v = out[ch * pixels + p];
                assertTrue(v >= lo - slack && v <= hi + slack, v + " outside [" + lo + ", " + hi + "]");
            }
        }
    }

    private static float[] image(int h, int w) {
        float[] image = new float[3 * h * w];
        for (int i = 0; i < image.length; i++) {
            image[i] = 0.1f + (i * 37 % 23) / 30f;
        }
        return image;
    }
}
