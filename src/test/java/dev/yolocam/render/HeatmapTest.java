package dev.yolocam.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** {@link Heatmap#grey} stores {@code np.uint8(255 * map)} as grey samples. */
class HeatmapTest {

    @Test
    void samplesAreTheMapTimes255TruncatedTowardZero() {
        float[] map = {0f, 0.5f, 0.999f, 1f, 1f / 255f, 0.25f, -0.1f, 1.5f};
        int[] expected = {0, 127, 254, 255, 1, 63, 0, 255};
        BufferedImage image = Heatmap.grey(map, 4, 2);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        assertEquals(4, image.getWidth());
        assertEquals(2, image.getHeight());
        for (int i = 0; i < map.length; i++) {
            assertEquals(expected[i], image.getRaster().getSample(i % 4, i / 4, 0), "value " + map[i]);
        }
    }

    @Test
    void notANumberIsBlack() {
        assertEquals(0, Heatmap.grey(new float[] {Float.NaN}, 1, 1).getRaster().getSample(0, 0, 0));
    }

    @Test
    void rejectsAMapOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> Heatmap.grey(new float[6], 4, 2));
        assertThrows(IllegalArgumentException.class, () -> Heatmap.grey(new float[0], 0, 0));
    }
}
