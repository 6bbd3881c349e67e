package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ExifOrientation} finds the tag in both byte orders and falls back to 1 for anything unusual. */
class ExifOrientationTest {
    private static final byte[] JPEG = TestFiles.encode(new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR), "jpeg");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsTheTagInBothByteOrders(int orientation) throws IOException {
        assertEquals(orientation, read(TestFiles.withExifOrientation(JPEG, orientation, true)));
        assertEquals(orientation, read(TestFiles.withExifOrientation(JPEG, orientation, false)));
    }

    @Test
    void outOfRangeValuesMeanNormal() throws IOException {
        assertEquals(ExifOrientation.NORMAL, read(TestFiles.withExifOrientation(JPEG, 0, false)));
        assertEquals(ExifOrientation.NORMAL, read(TestFiles.withExifOrientation(JPEG, 9, false)));
    }

    @Test
    void jpegWithoutExifIsNormal() throws IOException {
        assertEquals(ExifOrientation.NORMAL, read(JPEG));
    }

    @Test
    void nonJpegAndTruncatedExifAreNormal() throws IOException {
        assertEquals(ExifOrientation.NORMAL, read(TestFiles.encode(new BufferedImage(4, 4, 1), "png")));
        byte[] withExif = TestFiles.withExifOrientation(JPEG, 6, false);
        int app1End = 2 + 4 + 6 + 26; // SOI, marker + length, "Exif\0\0", the 26-byte TIFF block
        assertEquals(6, read(Arrays.copyOf(withExif, app1End)));
        for (int length = 0; length < app1End; length++) {
            assertEquals(ExifOrientation.NORMAL, read(Arrays.copyOf(withExif, length)), "cut at " + length);
        }
    }

    private static int read(byte[] bytes) throws IOException {
        return ExifOrientation.read(new ByteArrayInputStream(bytes));
    }
}
