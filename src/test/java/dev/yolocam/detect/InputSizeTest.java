package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** --imgsz as one type: one value is a square, two are height and width, each side 32..8192, rounded per side. */
class InputSizeTest {
    @Test
    void oneValueIsASquareAndTwoAreHeightThenWidth() {
        assertEquals(new InputSize(320, 320), InputSize.of(320));
        assertEquals(new InputSize(480, 640), InputSize.of(480, 640));
        assertEquals("320", InputSize.of(320).text());
        assertEquals("480 640", InputSize.of(480, 640).text());
    }

    @Test
    void eachSideIsRoundedUpToTheStrideOnItsOwn() {
        assertEquals(new InputSize(64, 96), InputSize.of(33, 65).roundedUpTo(32));
        assertEquals(InputSize.square(320), InputSize.square(320).roundedUpTo(64));
    }

    @Test
    void sidesOutsideTheRangeAndOtherCountsOfValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InputSize.square(31));
        assertThrows(IllegalArgumentException.class, () -> new InputSize(64, 8193));
        assertThrows(IllegalArgumentException.class, () -> InputSize.of());
        assertThrows(IllegalArgumentException.class, () -> InputSize.of(64, 64, 64));
    }
}
