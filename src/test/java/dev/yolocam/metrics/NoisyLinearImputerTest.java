package dev.yolocam.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ROAD's imputation: the linear system's solution, the kept pixels, the seeded noise. */
class NoisyLinearImputerTest {
    private static final NoisyLinearImputer EXACT = new NoisyLinearImputer(0, 0);

    @Test
    void aSingleRemovedPixelBecomesTheWeightedMeanOfItsEightNeighbours() {
        int h = 3;
        int w = 3;
        float[] image = new float[3 * h * w];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i * 7 % 11) / 10f;
        }
        boolean[] removed = new boolean[h * w];
        removed[4] = true;
        float[] out = EXACT.impute(image, removed, 3, h, w);
        for (int c = 0; c < 3; c++) {
            int b = c * h * w;
            double direct = image[b + 1] + image[b + 3] + image[b + 5] + image[b + 7];
            double diagonal = image[b] + image[b + 2] + image[b + 6] + image[b + 8];
            assertEquals(direct / 6 + diagonal / 12, out[b + 4], 1e-6, "channel " + c);
        }
    }

    @Test
    void aCornerPixelUsesItsThreeInImageNeighboursRenormalised() {
        float[] image = {9, 2, 3, 4, 0, 0, 0, 0, 0};
        boolean[] removed = new boolean[9];
        removed[0] = true;
        float[] out = EXACT.impute(image, removed, 1, 3, 3);
        // neighbours: right (1/6) = 2, below (1/6) = 4, diagonal (1/12) = 0; weights sum to 5/12
        assertEquals((2.0 / 6 + 4.0 / 6) / (5.0 / 12), out[0], 1e-6);
    }

    @Test
    void keptPixelsAreUnchangedEvenWithNoise() {
        int h = 12;
        int w = 9;
        float[] image = ramp(h, w);
        boolean[] removed = new boolean[h * w];
        for (int p = 0; p < removed.length; p += 3) {
            removed[p] = true;
        }
        float[] out = new NoisyLinearImputer(0.5, 1).impute(image, removed, 3, h, w);
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < h * w; p++) {
                if (!removed[p]) {
                    assertEquals(image[c * h * w + p], out[c * h * w + p], "channel " + c + " pixel " + p);
                }
            }
        }
    }

    @Test
    void aLargeInteriorHoleInALinearRampIsFilledWithTheRampItself() {
        // A linear function is its own weighted neighbour mean (the stencil is symmetric), so the exact solution of a
        // hole that does not touch the border is the ramp: this checks the solver's convergence on a big hole.
        int h = 64;
        int w = 80;
        float[] image = ramp(h, w);
        boolean[] removed = new boolean[h * w];
        for (int y = 4; y < 60; y++) {
            for (int x = 3; x < 77; x++) {
                removed[y * w + x] = true;
            }
        }
        float[] out = EXACT.impute(image, removed, 3, h, w);
        assertArrayEquals(image, out, 2e-5f);
    }

    @Test
    void everyRemovedPixelOfARoadMaskIsTheWeightedMeanOfItsNeighbours() {
        // 80 % of a 150 x 130 image removed, most relevant first for a blob-shaped map: the system's own equations
        // hold at every removed pixel, holes of every size included.
        int h = 150;
        int w = 130;
        float[] map = new float[h * w];
        float[] image = new float[3 * h * w];
        java.util.Random random = new java.util.Random(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                map[y * w + x] = (float) (Math.exp(-((x - 40) * (x - 40) + (y - 90) * (y - 90)) / 900.0)
                        + 0.3 * Math.exp(-((x - 110) * (x - 110) + (y - 20) * (y - 20)) / 200.0));
            }
        }
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat();
        }
        boolean[] removed = PixelRanking.of(map, 0).mostRelevant((int) (0.8 * h * w));
        float[] out = EXACT.impute(image, removed, 3, h, w);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (!removed[y * w + x]) {
                        continue;
                    }
                    double sum = 0;
                    double weights = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int ny = y + dy;
                            int nx = x + dx;
                            if ((dy != 0 || dx != 0) && ny >= 0 && nx >= 0 && ny < h && nx < w) {
                                double weight = dy == 0 || dx == 0 ? 1.0 / 6 : 1.0 / 12;
                                sum += weight * out[c * h * w + ny * w + nx];
                                weights += weight;
                            }
                        }
                    }
                    assertEquals(sum / weights, out[c * h * w + y * w + x], 1e-4, "channel " + c + " at " + x
                            + "," + y);
                }
            }
        }
    }

    @Test
    void removedPixelsStayWithinTheRangeOfTheKeptOnesWithoutNoise() {
        int h = 20;
        int w = 20;
        float[] image = new float[3 * h * w];
        boolean[] removed = new boolean[h * w];
        for (int p = 0; p < h * w; p++) {
            image[p] = (float) Math.sin(p * 0.37);
            image[h * w + p] = p % 7;
            image[2 * h * w + p] = -p;
            removed[p] = (p * 31 % 17) < 12;
        }
        float[] out = EXACT.impute(image, removed, 3, h, w);
        for (int c = 0; c < 3; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < h * w; p++) {
                if (!removed[p]) {
                    lo = Math.min(lo, image[c * h * w + p]);
                    hi = Math.max(hi, image[c * h * w + p]);
                }
            }
            for (int p = 0; p < h * w; p++) {
                float v = out[c * h * w + p];
                assertTrue(v >= lo - 1e-4 && v <= hi + 1e-4, "channel " + c + " pixel " + p + ": " + v);
            }
        }
    }

    @Test
    void noiseHasTheRequestedSpreadAndFollowsTheSeed() {
        int h = 60;
        int w = 60;
        float[] image = new float[3 * h * w];
        boolean[] removed = new boolean[h * w];
        java.util.Arrays.fill(removed, 0, h * w - 1, true);
        float[] a = NoisyLinearImputer.upstream(5).impute(image, removed, 3, h, w);
        double sum = 0;
        double squares = 0;
        for (float v : a) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / a.length;
        double std = Math.sqrt(squares / a.length - mean * mean);
        assertEquals(0.01, std, 0.0005, "upstream's noise 0.01");
        assertArrayEquals(a, NoisyLinearImputer.upstream(5).impute(image, removed, 3, h, w));
        assertNotEquals(a[0], NoisyLinearImputer.upstream(6).impute(image, removed, 3, h, w)[0]);
    }

    @Test
    void removingEveryPixelLeavesOnlyNoise() {
        float[] image = new float[3 * 4 * 4];
        java.util.Arrays.fill(image, 0.7f);
        boolean[] all = new boolean[16];
        java.util.Arrays.fill(all, true);
        float[] out = EXACT.impute(image, all, 3, 4, 4);
        for (float v : out) {
            assertEquals(0f, v);
        }
    }

    private static float[] ramp(int h, int w) {
        float[] image = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image[c * h * w + y * w + x] = 0.01f * x + 0.005f * y * (c + 1) + 0.1f * c;
                }
            }
        }
        return image;
    }
}
