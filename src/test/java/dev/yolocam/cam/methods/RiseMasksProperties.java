package dev.yolocam.cam.methods;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.cam.MapResize;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** RISE's masks: keep probability, shift range, value range, and that a mask depends only on seed and index. */
class RiseMasksProperties {

    /** Over 400 grids of 16 x 16 cells the share of kept cells is within 4 standard deviations of {@code keep}. */
    @Property(tries = 20)
    void gridCellsAreKeptWithTheKeepProbability(@ForAll @DoubleRange(min = 0.05, max = 0.95) double keep,
                                                @ForAll long seed) {
        RiseMasks masks = new RiseMasks(64, 64, 16, keep, seed);
        int grids = 400;
        long kept = 0;
        long cells = 0;
        for (int i = 0; i < grids; i++) {
            for (float v : masks.draw(i).grid()) {
                assertTrue(v == 0f || v == 1f, "a grid cell is 0 or 1, got " + v);
                kept += (long) v;
                cells++;
            }
        }
        double share = (double) kept / cells;
        double sigma = Math.sqrt(keep * (1 - keep) / cells);
        assertEquals(keep, share, 4 * sigma, "kept share over " + cells + " cells");
    }

    /** The crop offsets stay in [0, cell) on each axis and reach both ends of that range. */
    @Property(tries = 30)
    void shiftsCoverExactlyOneCell(@ForAll @IntRange(min = 8, max = 200) int height,
                                   @ForAll @IntRange(min = 8, max = 200) int width,
                                   @ForAll @IntRange(min = 2, max = 16) int cells, @ForAll long seed) {
        RiseMasks masks = new RiseMasks(height, width, cells, 0.5, seed);
        assertEquals((height + cells - 1) / cells, masks.cellHeight());
        assertEquals((width + cells - 1) / cells, masks.cellWidth());
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        for (int i = 0; i < 2000; i++) {
            RiseMasks.Draw draw = masks.draw(i);
            minY = Math.min(minY, draw.dy());
            maxY = Math.max(maxY, draw.dy());
            minX = Math.min(minX, draw.dx());
            maxX = Math.max(maxX, draw.dx());
        }
        assertEquals(0, minY);
        assertEquals(masks.cellHeight() - 1, maxY);
        assertEquals(0, minX);
        assertEquals(masks.cellWidth() - 1, maxX);
    }

    /** A mask is the H x W window at its offset of its grid upsampled to (cells + 1) cells, values in [0, 1]. */
    @Property(tries = 30)
    void maskIsTheShiftedCropOfTheUpsampledGrid(@ForAll @IntRange(min = 4, max = 96) int height,
                                                @ForAll @IntRange(min = 4, max = 96) int width,
                                                @ForAll @IntRange(min = 1, max = 16) int cells,
                                                @ForAll @IntRange(min = 0, max = 10_000) int index, @ForAll long seed) {
        RiseMasks masks = new RiseMasks(height, width, cells, 0.5, seed);
        float[] mask = masks.mask(index);
        assertEquals(height * width, mask.length);
        RiseMasks.Draw draw = masks.draw(index);
        int upHeight = (cells + 1) * masks.cellHeight();
        int upWidth = (cells + 1) * masks.cellWidth();
        float[] up = MapResize.bilinear(draw.grid(), cells, cells, upHeight, upWidth);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = mask[y * width + x];
                assertEquals(up[(y + draw.dy()) * upWidth + x + draw.dx()], v);
                assertTrue(v >= 0f && v <= 1f, "mask value " + v);
            }
        }
    }

    /** The same seed and index give the same mask whatever was drawn before; another seed another mask. */
    @Property(tries = 20)
    void maskDependsOnlyOnSeedAndIndex(@ForAll @IntRange(min = 0, max = 5000) int index, @ForAll long seed) {
        RiseMasks first = new RiseMasks(48, 40, 16, 0.5, seed);
        RiseMasks second = new RiseMasks(48, 40, 16, 0.5, seed);
        second.mask(index + 1);
        assertArrayEquals(first.mask(index), second.mask(index));
        assertTrue(!java.util.Arrays.equals(first.draw(index).grid(),
                new RiseMasks(48, 40, 16, 0.5, seed + 1).draw(index).grid()), "another seed, another grid");
    }
}
