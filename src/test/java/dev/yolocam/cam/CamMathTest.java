package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of {@link CamMath}, with values computed by hand from the upstream definitions. */
class CamMathTest {

    @Test
    void halfPixelBilinearUpscaleClampsAtTheEdges() {
        // cv2: src = (d + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25 -> clamp, 0.25, 0.75, clamp
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, MapResize.bilinear(new float[] {0, 1}, 1, 2, 1, 4));
    }

    @Test
    void halfPixelBilinearDownscaleAveragesNeighbours() {
        assertArrayEquals(new float[] {0.5f, 2.5f}, MapResize.bilinear(new float[] {0, 1, 2, 3}, 1, 4, 1, 2));
    }

    @Test
    void halfPixelBilinearInterpolatesRowsAndColumns() {
        float[] src = {0, 1, 2, 3}; // 2x2
        float[] out = MapResize.bilinear(src, 2, 2, 4, 4);
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, java.util.Arrays.copyOfRange(out, 0, 4));
        assertArrayEquals(new float[] {0.5f, 0.75f, 1.25f, 1.5f}, java.util.Arrays.copyOfRange(out, 4, 8));
        assertArrayEquals(new float[] {2f, 2.25f, 2.75f, 3f}, java.util.Arrays.copyOfRange(out, 12, 16));
    }

    @Test
    void alignCornersUpsamplingMapsCornerOntoCorner() {
        float[] out = MapResize.bilinearAlignCorners(new float[] {0, 3}, 1, 2, 1, 4);
        assertArrayEquals(new float[] {0f, 1f, 2f, 3f}, out, 1e-6f);
        float[] twoD = MapResize.bilinearAlignCorners(new float[] {1, 2, 3, 4}, 2, 2, 3, 3);
        assertArrayEquals(new float[] {1f, 1.5f, 2f, 2f, 2.5f, 3f, 3f, 3.5f, 4f}, twoD, 1e-6f);
    }

    @Test
    void scaleSubtractsTheMinimumAndDividesByEpsilonPlusTheMaximum() {
        float[] scaled = CamMath.scale(new float[] {2, 4, 6});
        float denominator = (float) (1e-7 + 4.0);
        assertArrayEquals(new float[] {0f, 2f / denominator, 4f / denominator}, scaled);
    }

    @Test
    void scaleOfAConstantOrZeroMapIsAllZero() {
        assertArrayEquals(new float[3], CamMath.scale(new float[] {5, 5, 5}));
        assertArrayEquals(new float[3], CamMath.scale(new float[3]));
    }

    @Test
    void reluZeroesNegativeAndNaNValues() {
        assertArrayEquals(new float[] {0f, 0f, 2f, 0f}, CamMath.relu(new float[] {-1, 0, 2, Float.NaN}));
    }

    @Test
    void channelSumAddsTheChannelsPixelByPixel() {
        float[] tensor = {1, 2, 3, 10, 20, 30}; // 2 channels of 1x3
        assertArrayEquals(new float[] {11, 22, 33}, CamMath.channelSum(tensor, 2, 1, 3));
    }

    @Test
    void aggregateMeanAveragesRectifiedMapsThenScales() {
        float[] mean = CamMath.aggregate(List.of(new float[] {0, 1, -1}, new float[] {0, 0.5f, 1}),
                CamMath.Aggregation.MEAN);
        // rectified mean {0, 0.75, 0.5}, then divided by 1e-7 + 0.75
        float d = (float) (1e-7 + 0.75);
        assertArrayEquals(new float[] {0f, 0.75f / d, 0.5f / d}, mean);
        float[] max = CamMath.aggregate(List.of(new float[] {0, 1, -1}, new float[] {0, 0.5f, 1}),
                CamMath.Aggregation.MAX);
        float e = (float) (1e-7 + 1.0);
        assertArrayEquals(new float[] {0f, 1f / e, 1f / e}, max);
    }

    @Test
    void aggregateRefusesMapsOfDifferentSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> CamMath.aggregate(List.of(new float[2], new float[3]), CamMath.Aggregation.MEAN));
    }

    @Test
    void keepTopPercentZeroesEverythingUpToTheNumpyPercentile() {
        float[] map = {5, 1, 9, 3, 7, 2, 10, 4, 8, 6};
        // numpy.percentile(1..10, 70) = 1 + 0.7 * 9 = 7.3: keeps 8, 9, 10
        float[] kept = CamMath.keepTopPercent(map, 30);
        assertArrayEquals(new float[] {0, 0, 9, 0, 0, 0, 10, 0, 8, 0}, kept);
        assertArrayEquals(map, CamMath.keepTopPercent(map, 100));
        assertArrayEquals(map, CamMath.keepTopPercent(map, 0));
    }

    @Test
    void renormalizeInBoxesScalesEachBoxAloneAndZeroesTheRest() {
        int h = 4;
        int w = 5;
        float[] map = new float[h * w];
        for (int i = 0; i < map.length; i++) {
            map[i] = i; // increases along rows
        }
        // x 1.9 -> 1, y 0.2 -> 0, x2 3.99 -> 3, y2 2 -> rows 0..1, columns 1..2
        float[] out = CamMath.renormalizeInBoxes(map, h, w, List.of(new double[] {1.9, 0.2, 3.99, 2}));
        float inner = (float) (1e-7 + 6); // box values 1, 2, 6, 7: (v - 1) / (1e-7 + 6)
        float outer = (float) (1e-7 + 6 / inner); // the final scale_cam_image of the whole map
        float[] expected = new float[h * w];
        expected[1] = 0;
        expected[2] = (1 / inner) / outer;
        expected[6] = (5 / inner) / outer;
        expected[7] = (6 / inner) / outer;
        assertArrayEquals(expected, out);
    }

    @Test
    void renormalizeInBoxesClipsBoxesAndKeepsTheLargerValueWhereBoxesOverlap() {
        float[] map = {0, 1, 2, 3}; // 1x4
        float[] out = CamMath.renormalizeInBoxes(map, 1, 4, List.of(new double[] {-5, -5, 2, 9},
                new double[] {1, 0, 99, 1}, new double[] {3, 0, 3, 1}));
        // box A: columns 0..1 -> {0, ~1}; box B: columns 1..3 -> {0, ~0.5, ~1}; empty box ignored
        float a = (float) (1e-7 + 1);
        float b = (float) (1e-7 + 2);
        float[] merged = {0, 1 / a, 1 / b, 2 / b};
        float m = (float) (1e-7 + Math.max(1 / a, 2 / b));
        assertArrayEquals(new float[] {0, merged[1] / m, merged[2] / m, merged[3] / m}, out);
    }

    @Test
    void renormalizeInBoxesWithoutBoxesIsAllZero() {
        assertArrayEquals(new float[6], CamMath.renormalizeInBoxes(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, List.of()));
    }

    @Test
    void projectionOfAnAllZeroTensorIsAllZero() {
        assertArrayEquals(new float[12], CamMath.projection(new float[3 * 12], 3, 3, 4));
        assertArrayEquals(new float[2], CamMath.projection(new float[20], 10, 1, 2));
    }
}
