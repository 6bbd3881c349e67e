package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link BoxScaler} undoes {@link Letterbox}'s geometry and keeps boxes inside the original image. */
class BoxScalerPropertiesTest {

    /**
     * A box in original pixels, mapped into the input with the letterbox's true geometry (scale unpad/original,
     * integer paddings), comes back within 1 input pixel. It is not exact because upstream recomputes a fractional
     * padding and the unrounded gain: worst case 0.5 (odd padding) + 0.25 (rounded resized size) of offset,
     * partly cancelled by the scale difference. Holds when the recomputed gain equals the letterbox ratio, i.e. in
     * all but the rare case shown by {@link #upstreamGainDriftsWhenTheRoundedSideGetsNoPadding()}.
     */
    @Property(tries = 500)
    void scaleBoxesInvertsTheLetterboxMappingWithinOneInputPixel(
            @ForAll @IntRange(min = 8, max = 1600) int width, @ForAll @IntRange(min = 8, max = 1600) int height,
            @ForAll @IntRange(min = 32, max = 1280) int requested, @ForAll boolean auto,
            @ForAll @DoubleRange(min = 0, max = 1) double fx1, @ForAll @DoubleRange(min = 0, max = 1) double fy1,
            @ForAll @DoubleRange(min = 0, max = 1) double fx2, @ForAll @DoubleRange(min = 0, max = 1) double fy2) {
        int size = Letterbox.checkImgSize(requested, 32);
        LetterboxResult lb = Letterbox.apply(RgbImage.filled(width, height, 0, 0, 0), size, size, 32, auto);
        double[] original = {Math.min(fx1, fx2) * width, Math.min(fy1, fy2) * height,
                Math.max(fx1, fx2) * width, Math.max(fy1, fy2) * height};
        double sx = (double) lb.unpadWidth() / width;
        double sy = (double) lb.unpadHeight() / height;
        Detection inInput = new Detection((float) (original[0] * sx + lb.padLeft()),
                (float) (original[1] * sy + lb.padTop()), (float) (original[2] * sx + lb.padLeft()),
                (float) (original[3] * sy + lb.padTop()), 0.5f, 0, 0);

        BoxScaler scaler = new BoxScaler(lb.height(), lb.width(), height, width);
        Assume.that(scaler.gain() == lb.ratio());
        Detection back = scaler.toOriginal(inInput);

        double[] recovered = {back.x1(), back.y1(), back.x2(), back.y2()};
        for (int k = 0; k < 4; k++) {
            double inputPixels = Math.abs(recovered[k] - original[k]) * scaler.gain();
            assertTrue(inputPixels <= 1.0, "coordinate " + k + " off by " + inputPixels + " input pixels");
        }
    }

    @Property(tries = 500)
    void scaledBoxesAreClippedToTheOriginalImage(@ForAll @IntRange(min = 1, max = 4000) int width,
            @ForAll @IntRange(min = 1, max = 4000) int height, @ForAll @IntRange(min = 1, max = 40) int inputCells,
            @ForAll @DoubleRange(min = -2000, max = 2000) double a, @ForAll @DoubleRange(min = -2000, max = 2000) double b,
            @ForAll @DoubleRange(min = -2000, max = 2000) double c, @ForAll @DoubleRange(min = -2000, max = 2000) double d) {
        BoxScaler scaler = new BoxScaler(inputCells * 32, inputCells * 32, height, width);
        Detection out = scaler.toOriginal(new Detection((float) a, (float) b, (float) c, (float) d, 0.5f, 3, 7));
        assertTrue(out.x1() >= 0 && out.x1() <= width && out.x2() >= 0 && out.x2() <= width);
        assertTrue(out.y1() >= 0 && out.y1() <= height && out.y2() >= 0 && out.y2() <= height);
        assertEquals(0.5f, out.confidence());
        assertEquals(3, out.classId());
        assertEquals(7, out.row());
    }

    /** random_bus_320: 1080x810 into 320x256 gives gain 8/27 and padding (8, 0), as dets.json records. */
    @Test
    void gainAndPaddingAreRecomputedFromTheShapes() {
        BoxScaler scaler = new BoxScaler(320, 256, 1080, 810);
        assertEquals(0.2962962962962963, scaler.gain(), 0.0);
        assertEquals(8.0, scaler.padX(), 0.0);
        assertEquals(0.0, scaler.padY(), 0.0);
    }

    /**
     * Ultralytics 8.x rounds the recomputed padding ({@code round(pad - 0.1)}), YOLOv5 keeps it fractional: a 100x300
     * original in a 320x320 input has gain 16/15 and a vertical padding of 106.67 px, 107 in Ultralytics.
     */
    @Test
    void ultralyticsRoundsThePaddingToWholePixelsAndYolov5DoesNot() {
        BoxScaler ultralytics = new BoxScaler(320, 320, 100, 300, true);
        BoxScaler yolov5 = new BoxScaler(320, 320, 100, 300);
        assertEquals(107.0, ultralytics.padY(), 0.0);
        assertEquals(0.0, ultralytics.padX(), 0.0);
        assertEquals((320 - 100 * (16.0 / 15)) / 2, yolov5.padY(), 1e-12);
        Detection atPadding = new Detection(10f, 107f, 20f, 117f, 0.5f, 0, 0);
        assertEquals(0f, ultralytics.toOriginal(atPadding).y1(), 0f);
        assertEquals(0.3125f, yolov5.toOriginal(atPadding).y1(), 1e-4f);
    }

    /**
     * Upstream's {@code scale_boxes} takes the gain from the padded input shape. A 55x1517 image at 896 is resized
     * to 32x896 (r = 0.5906; 55r = 32.48 rounded down) and, 32 being a multiple of the stride, gets no padding, so
     * the recomputed gain is 32/55 = 0.5818, not r, and a vertical "padding" of 6.7 px appears: y maps to
     * {@code (y*r - 6.7)/0.5818}, exact at the centre but up to ~11 original pixels off near the top and bottom.
     * Reproduced on purpose (parity with detect.py); the gain error is bounded by {@code 0.5/unpad}.
     */
    @Test
    void upstreamGainDriftsWhenTheRoundedSideGetsNoPadding() {
        LetterboxResult lb = Letterbox.apply(RgbImage.filled(55, 1517, 0, 0, 0), 896, 896, 32);
        assertEquals(32, lb.width());
        assertEquals(896, lb.height());
        BoxScaler scaler = new BoxScaler(lb.height(), lb.width(), 1517, 55);
        assertEquals(32.0 / 55, scaler.gain(), 0.0);
        assertEquals((896 - 1517 * 32.0 / 55) / 2, scaler.padY(), 0.0);
        assertTrue(Math.abs(scaler.gain() / lb.ratio() - 1) <= 0.5 / lb.unpadWidth());

        double trueY = 200;
        float inputY = (float) (trueY * lb.ratio());
        float back = scaler.toOriginal(new Detection(0, inputY, 10, inputY, 0.5f, 0, 0)).y1();
        assertEquals((inputY - scaler.padY()) / scaler.gain(), back, 1e-3);
        assertTrue(trueY - back > 8, "drifts by more than 8 original pixels: " + back);
    }
}
