package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolocam.head.Yolov5DetectHead;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** aug_smooth's pieces: the six variants, flipping back, and rows that follow the flip. */
class AugmentationTest {
    private static final Yolov5DetectHead HEAD = new Yolov5DetectHead("model.24", 3, 3, 8, 3, new float[] {8, 16, 32},
            new float[18]);

    @Test
    void smoothingHasSixVariantsLikeFlipTimesThreeBrightnesses() {
        List<Augmentation> all = Augmentation.smoothing();
        assertEquals(6, all.size());
        assertEquals(1, all.stream().filter(a -> a.equals(Augmentation.IDENTITY)).count());
    }

    @Property
    void undoingAFlipRestoresTheMap(@ForAll @IntRange(min = 1, max = 9) int h, @ForAll @IntRange(min = 1, max = 9) int w) {
        float[] map = new float[h * w];
        for (int i = 0; i < map.length; i++) {
            map[i] = i * 0.5f;
        }
        Augmentation flip = new Augmentation(true, 1f);
        assertArrayEquals(map, flip.undo(flip.undo(map, h, w), h, w));
    }

    @Property
    void mirroringARowTwiceGivesItBackAndStaysInItsLevelAndAnchor(@ForAll @IntRange(min = 0, max = 3 * 3 * (
            4 * 5 + 2 * 2 + 1) - 1) int row) {
        PredictionGrid grid = PredictionGrid.of(HEAD, 32, 40);
        int mirrored = grid.mirror(row);
        assertEquals(row, grid.mirror(mirrored));
        int level = row < grid.offsets()[1] ? 0 : row < grid.offsets()[2] ? 1 : 2;
        int local = row - grid.offsets()[level];
        int localMirrored = mirrored - grid.offsets()[level];
        int cells = grid.ny()[level] * grid.nx()[level];
        assertEquals(local / cells, localMirrored / cells, "same anchor");
        assertEquals(local / grid.nx()[level], localMirrored / grid.nx()[level], "same grid row");
        assertEquals(grid.nx()[level] - 1 - local % grid.nx()[level], localMirrored % grid.nx()[level]);
    }

    @Test
    void flippedInputIsTheMirrorScaledByBrightness() {
        float[] input = new float[3 * 2 * 3];
        for (int i = 0; i < input.length; i++) {
            input[i] = i;
        }
        float[] out = new Augmentation(true, 0.5f).apply(input, 2, 3);
        assertEquals(input[2] * 0.5f, out[0]);
        assertEquals(input[0] * 0.5f, out[2]);
        assertEquals(input[3 * 2 * 3 - 1] * 0.5f, out[3 * 2 * 3 - 3]);
    }
}
