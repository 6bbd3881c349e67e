package dev.yolocam.cam;

import dev.yolocam.head.DetectHead;

/**
 * Where each row of the Detect output comes from: row = offset_k + (a*ny_k + y)*nx_k + x for level k, anchor a
 * and grid cell (x, y), levels in order; and each level's stride in input pixels.
 */
public record PredictionGrid(int anchors, int[] ny, int[] nx, int[] offsets, float[] strides) {

    public static PredictionGrid of(DetectHead head, int height, int width) {
        int levels = head.levels();
        float[] strides = head.strides();
        int[] ny = new int[levels];
        int[] nx = new int[levels];
        int[] offsets = new int[levels];
        int offset = 0;
        for (int k = 0; k < levels; k++) {
            int stride = (int) strides[k];
            ny[k] = height / stride;
            nx[k] = width / stride;
            offsets[k] = offset;
            offset += head.anchorsPerCell() * ny[k] * nx[k];
        }
        return new PredictionGrid(head.anchorsPerCell(), ny, nx, offsets, strides);
    }

    /** The row of the same anchor in the horizontally mirrored grid cell. */
    public int mirror(int row) {
        int k = level(row);
        int local = row - offsets[k];
        int x = local % nx[k];
        return row - x + (nx[k] - 1 - x);
    }

    /** The level a row belongs to. */
    public int level(int row) {
        int k = offsets.length - 1;
        while (k > 0 && row < offsets[k]) {
            k--;
        }
        return k;
    }

    /** The row's anchor point in grid cells of its level: the cell centre {@code (x + 0.5, y + 0.5)}. */
    public double[] anchorPoint(int row) {
        int k = level(row);
        int cell = (row - offsets[k]) % (ny[k] * nx[k]);
        return new double[] {cell % nx[k] + 0.5, cell / nx[k] + 0.5};
    }

    /** Input pixels per grid cell at the row's level. */
    public double stride(int row) {
        return strides[level(row)];
    }
}
