package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Damaged files of every format either decode or fail with a {@link YolocamException}; no decoder exception
 * (IIOException, IndexOutOfBounds, NegativeArraySize, ...) gets through. The EXIF parser never fails at all.
 */
class ImageLoaderRobustnessTest {
    private static final List<String> FORMATS = List.of("jpeg", "png", "bmp", "gif");
    private static final List<byte[]> VALID_FILES = FORMATS.stream().map(ImageLoaderRobustnessTest::sample).toList();

    @Property(tries = 400)
    void corruptedFilesDecodeOrFailWithAYolocamException(@ForAll @IntRange(min = 0, max = 3) int format,
            @ForAll @IntRange(min = 1, max = 12) int damagedBytes, @ForAll boolean truncate, @ForAll long seed)
            throws IOException {
        byte[] bytes = VALID_FILES.get(format).clone();
        Random random = new Random(seed);
        for (int i = 0; i < damagedBytes; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        if (truncate) {
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        Path file = Files.createTempFile("damaged", "." + FORMATS.get(format));
        try {
            Files.write(file, bytes);
            RgbImage image = ImageLoader.load(file);
            assertTrue(image.width() > 0 && image.height() > 0);
        } catch (YolocamException e) {
            assertTrue(e.problem().startsWith("cannot read image: "), e.problem());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 1000)
    void exifParserReturnsAValidOrientationForAnyBytes(@ForAll @Size(max = 300) byte[] body,
            @ForAll boolean asApp1Exif) throws IOException {
        byte[] prefix = asApp1Exif
                ? new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x01, 0x00, 'E', 'x', 'i', 'f', 0, 0}
                : new byte[] {(byte) 0xFF, (byte) 0xD8};
        byte[] data = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, data, 0, prefix.length);
        System.arraycopy(body, 0, data, prefix.length, body.length);
        int orientation = ExifOrientation.read(new ByteArrayInputStream(data));
        assertTrue(orientation >= 1 && orientation <= 8);
    }

    @Property(tries = 200)
    void exifTiffParserReturnsAValidOrientationForAnyBytes(@ForAll @Size(max = 200) byte[] tiff,
            @ForAll boolean bigEndian) {
        byte[] data = new byte[tiff.length + 8];
        byte order = (byte) (bigEndian ? 'M' : 'I');
        data[0] = order;
        data[1] = order;
        data[bigEndian ? 3 : 2] = 42;
        data[bigEndian ? 7 : 4] = 8;
        System.arraycopy(tiff, 0, data, 8, tiff.length);
        int orientation = ExifOrientation.fromTiff(data, 0);
        assertTrue(orientation >= 1 && orientation <= 8);
    }

    private static byte[] sample(String format) {
        BufferedImage image = new BufferedImage(40, 24, format.equals("gif")
                ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return TestFiles.encode(image, format);
    }
}
