package dev.yolocam.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.RgbImage;
import java.awt.image.BufferedImage;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link CamOverlay} is pytorch-grad-cam's {@code show_cam_on_image(..., use_rgb=True)}. */
class CamOverlayTest {

    /** White image, zero map: cam = (0.5, 0.5, 0.5 + 0.5 * 128/255), divided by its blue, times 255, truncated. */
    @Test
    void zeroMapOverWhiteWorkedByHand() {
        BufferedImage out = CamOverlay.overlay(RgbImage.filled(3, 2, 255, 255, 255), new float[6], 0.5);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                // 0.5 / 0.75098 * 255 = 169.78
                assertEquals(169 << 16 | 169 << 8 | 255, out.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void zeroMapFollowsTheFormulaOnEveryPixel() {
        RgbImage image = randomImage(37, 23, 7);
        float[] map = new float[37 * 23];
        for (double weight : new double[] {0.5, 0.3, 0.85}) {
            BufferedImage out = CamOverlay.overlay(image, map, weight);
            float heatBlue = 128 / 255f;
            float[] cam = new float[image.pixels().length];
            float max = 0;
            for (int i = 0; i < cam.length; i++) {
                float heat = i % 3 == 2 ? heatBlue : 0f;
                cam[i] = (float) (1 - weight) * heat + (float) weight * ((image.pixels()[i] & 0xFF) / 255f);
                max = Math.max(max, cam[i]);
            }
            for (int p = 0; p < map.length; p++) {
                int rgb = out.getRGB(p % 37, p / 37);
                for (int c = 0; c < 3; c++) {
                    int expected = (int) (255f * (cam[p * 3 + c] / max));
                    assertEquals(expected, rgb >> (16 - 8 * c) & 0xFF, "pixel " + p + " channel " + c);
                }
            }
        }
    }

    @Test
    void weightZeroShowsTheColormapAlone() {
        float[] map = randomMap(50, 40, 3);
        BufferedImage overlay = CamOverlay.overlay(randomImage(50, 40, 4), map, 0);
        BufferedImage jet = Colormap.applyJet(map, 50, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 50; x++) {
                assertEquals(jet.getRGB(x, y), overlay.getRGB(x, y));
            }
        }
    }

    @Test
    void weightOneShowsTheImageStretchedToItsBrightestChannel() {
        RgbImage image = RgbImage.filled(2, 1, 100, 50, 200);
        BufferedImage out = CamOverlay.overlay(image, new float[] {0.9f, 0.1f}, 1);
        int expectedRed = (int) (255f * ((100 / 255f) / (200 / 255f)));
        int expectedGreen = (int) (255f * ((50 / 255f) / (200 / 255f)));
        assertEquals(expectedRed << 16 | expectedGreen << 8 | 255, out.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(out.getRGB(0, 0), out.getRGB(1, 0));
    }

    @Test
    void blackImageAtWeightOneIsBlackRatherThanNotANumber() {
        BufferedImage out = CamOverlay.overlay(RgbImage.filled(2, 2, 0, 0, 0), new float[4], 1);
        assertEquals(0, out.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void rejectsBadWeightsAndMisfitMaps() {
        RgbImage image = RgbImage.filled(4, 3, 1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> CamOverlay.overlay(image, new float[12], -0.1));
        assertThrows(IllegalArgumentException.class, () -> CamOverlay.overlay(image, new float[12], 1.5));
        assertThrows(IllegalArgumentException.class, () -> CamOverlay.overlay(image, new float[12], Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CamOverlay.overlay(image, new float[11], 0.5));
    }

    /** Same size as the image, and normalising by the maximum makes the brightest channel exactly 255. */
    @Property(tries = 200)
    void keepsTheSizeAndPeaksAt255(@ForAll @IntRange(min = 1, max = 60) int width,
            @ForAll @IntRange(min = 1, max = 60) int height, @ForAll @DoubleRange(min = 0, max = 0.95) double weight,
            @ForAll long seed) {
        BufferedImage out = CamOverlay.overlay(randomImage(width, height, seed), randomMap(width, height, seed),
                weight);
        assertEquals(width, out.getWidth());
        assertEquals(height, out.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, out.getType());
        int brightest = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = out.getRGB(x, y);
                brightest = Math.max(brightest, Math.max(rgb >> 16 & 0xFF, Math.max(rgb >> 8 & 0xFF, rgb & 0xFF)));
            }
        }
        assertEquals(255, brightest);
    }

    /** Where the map is hotter, with the same image underneath, the overlay is never bluer. */
    @Property(tries = 100)
    void hotterMapsShiftColourFromBlueTowardsRed(@ForAll @DoubleRange(min = 0, max = 1) double low,
            @ForAll @DoubleRange(min = 0, max = 1) double high) {
        float a = (float) Math.min(low, high);
        float b = (float) Math.max(low, high);
        BufferedImage out = CamOverlay.overlay(RgbImage.filled(2, 1, 90, 90, 90), new float[] {a, b}, 0.5);
        float hueA = hue(out.getRGB(0, 0));
        float hueB = hue(out.getRGB(1, 0));
        assertTrue(hueB <= hueA + 1e-6f, a + " vs " + b);
    }

    private static float hue(int rgb) {
        return java.awt.Color.RGBtoHSB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, null)[0];
    }

    static RgbImage randomImage(int width, int height, long seed) {
        byte[] pixels = new byte[width * height * 3];
        new Random(seed).nextBytes(pixels);
        return new RgbImage(width, height, pixels);
    }

    static float[] randomMap(int width, int height, long seed) {
        Random random = new Random(~seed);
        float[] map = new float[width * height];
        for (int i = 0; i < map.length; i++) {
            map[i] = random.nextFloat();
        }
        return map;
    }
}
