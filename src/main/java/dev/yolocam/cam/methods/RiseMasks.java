package dev.yolocam.cam.methods;

import dev.yolocam.cam.MapResize;
import java.util.SplittableRandom;

/**
 * The random masks of RISE (Petsiuk et al., BMVC 2018, section 3.2), which D-RISE reuses unchanged: a grid of
 * {@code cells x cells} values, each 1 with probability {@code keep} and 0 otherwise, upsampled bilinearly to
 * {@code (cells + 1) * cellHeight x (cells + 1) * cellWidth} (a cell is {@code ceil(H / cells) x ceil(W / cells)}
 * pixels) and cropped to {@code H x W} at an offset drawn uniformly from {@code [0, cellHeight) x [0, cellWidth)},
 * so that the mask's soft edges fall anywhere, not only on a fixed grid. Mask {@code i} depends only on the seed and
 * {@code i}: the same seed gives the same masks in any batch size.
 */
public final class RiseMasks {
    private final int height;
    private final int width;
    private final int cells;
    private final double keep;
    private final long seed;
    private final int cellHeight;
    private final int cellWidth;

    public RiseMasks(int height, int width, int cells, double keep, long seed) {
        if (height < 1 || width < 1 || cells < 1 || !(keep >= 0 && keep <= 1)) {
            throw new IllegalArgumentException("masks of " + height + "x" + width + " with " + cells
                    + " cells and keep probability " + keep);
        }
        this.height = height;
        this.width = width;
        this.cells = cells;
        this.keep = keep;
        this.seed = seed;
        this.cellHeight = (height + cells - 1) / cells;
        this.cellWidth = (width + cells - 1) / cells;
    }

    /** Mask {@code index}: {@code height x width} values in [0, 1]. */
    public float[] mask(int index) {
        Draw draw = draw(index);
        int upHeight = (cells + 1) * cellHeight;
        int upWidth = (cells + 1) * cellWidth;
        float[] up = MapResize.bilinear(draw.grid(), cells, cells, upHeight, upWidth);
        float[] mask = new float[height * width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(up, (y + draw.dy()) * upWidth + draw.dx(), mask, y * width, width);
        }
        return mask;
    }

    /** The binary grid and the crop offset of mask {@code index}. */
    Draw draw(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        float[] grid = new float[cells * cells];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextDouble() < keep ? 1f : 0f;
        }
        return new Draw(grid, random.nextInt(cellHeight), random.nextInt(cellWidth));
    }

    int cellHeight() {
        return cellHeight;
    }

    int cellWidth() {
        return cellWidth;
    }

    /** A grid of {@code cells x cells} zeros and ones and where its upsampled copy is cropped. */
    record Draw(float[] grid, int dy, int dx) {
    }
}
