package dev.yolocam.cam;

import dev.yolocam.head.DetectHead;

/**
 * Where each row of the Detect output comes from: row = offset_k + (a*ny_k + y)*nx_k + x for level k, anchor a
 * and grid cell (x, y), levels in order.
 */
public record PredictionGrid(int anchors, int[] ny, int[] nx, int[] offsets) {

    public static PredictionGrid of(DetectHead head, int height, int width) {
        int levels = head.levels();
        int[] ny = new int[levels];
        int[] nx = new int[levels];
        int[] offsets = new int[levels];
        int offset = 0;
        for (int k = 0; k < levels; k++) {
            int stride = (int) head.strides()[k];
            ny[k] = height / stride;
            nx[k] = width / stride;
            offsets[k] = offset;
            offset += head.anchorsPerCell() * ny[k] * nx[k];
        }
        return new PredictionGrid(head.anchorsPerCell(), ny, nx, offsets);
    }

    /** The row of the same anchor in the horizontally mirrored grid cell. */
    public int mirror(int row) {
        int k = offsets.length - 1;
        while (k > 0 && row < offsets[k]) {
            k--;
        }
        int local = row - offsets[k];
        int x = local % nx[k];
        return row - x + (nx[k] - 1 - x);
    }
}
