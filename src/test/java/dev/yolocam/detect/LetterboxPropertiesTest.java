package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Geometry and content invariants of {@link Letterbox} for random image and network sizes. */
class LetterboxPropertiesTest {

    @Property(tries = 300)
    void minimalPaddingMakesBothSidesMultiplesOfTheStride(@ForAll @IntRange(min = 1, max = 900) int width,
            @ForAll @IntRange(min = 1, max = 900) int height, @ForAll @IntRange(min = 1, max = 700) int requested,
            @ForAll boolean stride64) {
        int stride = stride64 ? 64 : 32;
        int size = Letterbox.checkImgSize(requested, stride);
        LetterboxResult r = Letterbox.apply(RgbImage.filled(width, height, 1, 2, 3), size, size, stride);
        assertEquals(0, r.height() % stride, "height");
        assertEquals(0, r.width() % stride, "width");
        assertTrue(r.height() <= size && r.width() <= size);
    }

    @Property(tries = 300)
    void fullPaddingGivesExactlyTheRequestedSize(@ForAll @IntRange(min = 1, max = 900) int width,
            @ForAll @IntRange(min = 1, max = 900) int height, @ForAll @IntRange(min = 1, max = 700) int requestedH,
            @ForAll @IntRange(min = 1, max = 700) int requestedW) {
        LetterboxResult r = Letterbox.apply(RgbImage.filled(width, height, 1, 2, 3), requestedH, requestedW, 32, false);
        assertEquals(requestedH, r.height());
        assertEquals(requestedW, r.width());
        assertTrue(r.unpadWidth() == requestedW || r.unpadHeight() == requestedH || r.unpadWidth() == 1
                || r.unpadHeight() == 1, "the limiting side fills the input");
    }

    @Property(tries = 300)
    void paddingsAreBalancedAndAddUpWithTheResizedImage(@ForAll @IntRange(min = 1, max = 900) int width,
            @ForAll @IntRange(min = 1, max = 900) int height, @ForAll @IntRange(min = 1, max = 700) int requested,
            @ForAll boolean auto) {
        int size = Letterbox.checkImgSize(requested, 32);
        LetterboxResult r = Letterbox.apply(RgbImage.filled(width, height, 1, 2, 3), size, size, 32, auto);
        assertTrue(r.padLeft() >= 0 && r.padTop() >= 0, "non-negative paddings");
        assertTrue(r.padRight() - r.padLeft() == 0 || r.padRight() - r.padLeft() == 1, "left/right differ by <= 1");
        assertTrue(r.padBottom() - r.padTop() == 0 || r.padBottom() - r.padTop() == 1, "top/bottom differ by <= 1");
        assertEquals(r.width(), r.padLeft() + r.unpadWidth() + r.padRight());
        assertEquals(r.height(), r.padTop() + r.unpadHeight() + r.padBottom());
        assertEquals(Math.max(1, (int) Math.rint(width * r.ratio())), r.unpadWidth());
        assertEquals(Math.max(1, (int) Math.rint(height * r.ratio())), r.unpadHeight());
    }

    /** The resized picture sits inside the paddings, the paddings are grey 114, and the tensor is the image / 255. */
    @Property(tries = 100)
    void theResizedImageSitsInsideGreyPaddingAndTheTensorIsItsPixelsOver255(
            @ForAll @IntRange(min = 1, max = 500) int width, @ForAll @IntRange(min = 1, max = 500) int height,
            @ForAll @IntRange(min = 32, max = 320) int requested, @ForAll boolean auto, @ForAll long seed) {
        RgbImage image = TestImages.random(width, height, seed);
        int size = Letterbox.checkImgSize(requested, 32);
        LetterboxResult r = Letterbox.apply(image, size, size, 32, auto);
        RgbImage resized = LinearResize.resize(image, r.unpadWidth(), r.unpadHeight());
        int plane = r.width() * r.height();
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                int ix = x - r.padLeft();
                int iy = y - r.padTop();
                boolean inside = ix >= 0 && iy >= 0 && ix < r.unpadWidth() && iy < r.unpadHeight();
                for (int c = 0; c < 3; c++) {
                    int expected = inside ? resized.sample(ix, iy, c) : Letterbox.PAD_VALUE;
                    assertEquals(expected, r.image().sample(x, y, c));
                    assertEquals(expected / 255f, r.input()[c * plane + y * r.width() + x]);
                }
            }
        }
    }

    @Property(tries = 300)
    void checkImgSizeRoundsUpToTheStride(@ForAll @IntRange(min = 1, max = 5000) int size,
            @ForAll @IntRange(min = 1, max = 128) int stride) {
        int checked = Letterbox.checkImgSize(size, stride);
        assertEquals(0, checked % stride);
        assertTrue(checked >= size && checked - size < stride);
    }

    @Property(tries = 200)
    void resizingAConstantImageGivesTheSameConstant(@ForAll @IntRange(min = 1, max = 300) int width,
            @ForAll @IntRange(min = 1, max = 300) int height, @ForAll @IntRange(min = 1, max = 300) int newWidth,
            @ForAll @IntRange(min = 1, max = 300) int newHeight, @ForAll @IntRange(min = 0, max = 255) int red,
            @ForAll @IntRange(min = 0, max = 255) int green, @ForAll @IntRange(min = 0, max = 255) int blue) {
        RgbImage resized = LinearResize.resize(RgbImage.filled(width, height, red, green, blue), newWidth, newHeight);
        for (int y = 0; y < newHeight; y++) {
            for (int x = 0; x < newWidth; x++) {
                assertEquals(red, resized.sample(x, y, 0));
                assertEquals(green, resized.sample(x, y, 1));
                assertEquals(blue, resized.sample(x, y, 2));
            }
        }
    }

    /** The fixed-point arithmetic itself (not just the same-size shortcut) is exact at scale 1. */
    @Property(tries = 100)
    void interpolatingToTheSameSizeIsTheIdentity(@ForAll @IntRange(min = 1, max = 200) int width,
            @ForAll @IntRange(min = 1, max = 200) int height, @ForAll long seed) {
        RgbImage image = TestImages.random(width, height, seed);
        assertArrayEquals(image.pixels(), LinearResize.interpolate(image, width, height).pixels());
        assertTrue(LinearResize.resize(image, width, height) == image, "no resize when the size is unchanged");
    }

    /** Bilinear output is a convex combination of inputs: it never leaves the channel's [min, max]. */
    @Property(tries = 100)
    void resizedValuesStayWithinTheSourceRange(@ForAll @IntRange(min = 1, max = 200) int width,
            @ForAll @IntRange(min = 1, max = 200) int height, @ForAll @IntRange(min = 1, max = 300) int newWidth,
            @ForAll @IntRange(min = 1, max = 300) int newHeight, @ForAll long seed) {
        RgbImage image = TestImages.random(width, height, seed);
        RgbImage resized = LinearResize.resize(image, newWidth, newHeight);
        for (int c = 0; c < 3; c++) {
            int min = 255;
            int max = 0;
            for (int i = c; i < image.pixels().length; i += 3) {
                min = Math.min(min, image.pixels()[i] & 0xFF);
                max = Math.max(max, image.pixels()[i] & 0xFF);
            }
            for (int i = c; i < resized.pixels().length; i += 3) {
                int v = resized.pixels()[i] & 0xFF;
                assertTrue(v >= min && v <= max, "channel " + c + " value " + v + " outside [" + min + ", " + max + "]");
            }
        }
    }
}
