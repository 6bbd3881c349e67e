package dev.yolocam.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@link Colormap} reproduces OpenCV 4.x {@code COLORMAP_JET}, converted to RGB. */
class ColormapTest {

    /**
     * OpenCV's LUT entries, as RGB, at both ends, around every breakpoint and at the .5 ties. Index 159's blue is 1,
     * not the 2 that rounding Octave's 1.5/255 would give: OpenCV's float interp1 nudges it below the tie.
     */
    @ParameterizedTest(name = "jet({0}) = ({1}, {2}, {3})")
    @CsvSource({
        "0, 0, 0, 128", "1, 0, 0, 132", "20, 0, 0, 208", "31, 0, 0, 252", "32, 0, 0, 255", "33, 0, 4, 255",
        "63, 0, 124, 255", "64, 0, 128, 255", "95, 0, 252, 255", "96, 2, 255, 254", "97, 6, 255, 250",
        "127, 126, 255, 130", "128, 130, 255, 126", "129, 134, 255, 122", "158, 250, 255, 6", "159, 254, 255, 1",
        "160, 255, 252, 0", "161, 255, 248, 0", "191, 255, 128, 0", "192, 255, 124, 0", "223, 255, 0, 0",
        "224, 252, 0, 0", "225, 248, 0, 0", "254, 132, 0, 0", "255, 128, 0, 0"})
    void matchesOpenCvJet(int index, int red, int green, int blue) {
        assertEquals(red << 16 | green << 8 | blue, Colormap.jet(index));
    }

    @Test
    void hueRunsMonotonicallyFromBlueToRed() {
        float previous = hue(Colormap.jet(0));
        assertEquals(2f / 3f, previous, 1e-6f, "starts blue");
        for (int i = 1; i < 256; i++) {
            float h = hue(Colormap.jet(i));
            assertTrue(h <= previous + 1e-6f, "hue rises at " + i + ": " + previous + " -> " + h);
            previous = h;
        }
        assertEquals(0f, previous, 1e-6f, "ends red");
    }

    @Test
    void neighbouringEntriesDifferByAtMostOneRampStep() {
        for (int i = 1; i < 256; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int a = Colormap.jet(i - 1) >> shift & 0xFF;
                int b = Colormap.jet(i) >> shift & 0xFF;
                assertTrue(Math.abs(a - b) <= 5, "channel jump at " + i);
            }
        }
    }

    @Test
    void applyJetIndexesWithTruncatedTimes255() {
        float[] map = {0f, 0.999f, 1f, 0.5f, 1f / 255f, 0.0039f};
        BufferedImage image = Colormap.applyJet(map, 3, 2);
        int[] expectedIndex = {0, 254, 255, 127, 1, 0};
        for (int i = 0; i < map.length; i++) {
            assertEquals(Colormap.jet(expectedIndex[i]), image.getRGB(i % 3, i / 3) & 0xFFFFFF, "value " + map[i]);
        }
    }

    @Test
    void rejectsIndicesOutsideTheTableAndMapsOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> Colormap.jet(-1));
        assertThrows(IllegalArgumentException.class, () -> Colormap.jet(256));
        assertThrows(IllegalArgumentException.class, () -> Colormap.applyJet(new float[5], 3, 2));
    }

    private static float hue(int rgb) {
        return Color.RGBtoHSB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, null)[0];
    }
}
