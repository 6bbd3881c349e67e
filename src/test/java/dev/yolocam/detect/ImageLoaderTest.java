package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ImageLoader}: pixel conversion of every ImageIO image type, EXIF orientation, and its error reports. */
class ImageLoaderTest {
    @TempDir
    Path dir;

    // ---- errors: always a YolocamException "cannot read image: ..." naming the file

    @Test
    void missingFileIsReported() {
        assertCannotRead(dir.resolve("nope.jpg"), "no such file");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        assertCannotRead(Files.write(dir.resolve("empty.png"), new byte[0]), "empty");
    }

    @Test
    void directoryIsReported() {
        assertCannotRead(dir, "not a regular file");
    }

    @Test
    void nonImageIsReported() throws IOException {
        assertCannotRead(Files.writeString(dir.resolve("notes.jpg"), "not an image at all"), "unrecognised");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegWithGarbageAfterItsHeaderIsReported(long seed) throws IOException {
        byte[] jpeg = TestFiles.encode(picture(64, 48), "jpeg");
        int headerEnd = 20; // SOI + the JFIF APP0 segment; quantisation/Huffman tables, frame and scan follow
        byte[] broken = Arrays.copyOf(jpeg, jpeg.length);
        byte[] garbage = new byte[jpeg.length - headerEnd];
        new Random(seed).nextBytes(garbage);
        System.arraycopy(garbage, 0, broken, headerEnd, garbage.length);
        assertCannotRead(Files.write(dir.resolve("garbage.jpg"), broken), "corrupt");
    }

    @Test
    void jpegWithoutScanIsReported() throws IOException {
        byte[] jpeg = TestFiles.encode(picture(64, 48), "jpeg");
        byte[] headerOnly = Arrays.copyOf(jpeg, TestFiles.indexOfMarker(jpeg, 0xDA));
        assertCannotRead(Files.write(dir.resolve("header.jpg"), headerOnly), "corrupt");
    }

    @Test
    void truncatedPngIsReported() throws IOException {
        byte[] png = TestFiles.encode(picture(64, 48), "png");
        assertCannotRead(Files.write(dir.resolve("half.png"), Arrays.copyOf(png, png.length / 2)), "corrupt");
    }

    @Test
    void zeroWidthIsReported() throws IOException {
        assertCannotRead(Files.write(dir.resolve("zero.png"), TestFiles.pngHeaderOnly(0, 10)), "cannot read image");
    }

    /** Refused from the header alone: decoding 400 megapixels would need gigabytes first. */
    @Test
    void absurdDimensionsAreRefusedBeforeDecoding() throws IOException {
        assertCannotRead(Files.write(dir.resolve("huge.png"), TestFiles.pngHeaderOnly(20000, 20000)),
                "too large (20000x20000 pixels");
        byte[] jpeg = TestFiles.encode(picture(64, 48), "jpeg");
        int frame = TestFiles.indexOfMarker(jpeg, 0xC0);
        ByteBuffer.wrap(jpeg, frame + 5, 4).putShort((short) 15000).putShort((short) 20000);
        assertCannotRead(Files.write(dir.resolve("huge.jpg"), jpeg), "too large (20000x15000 pixels");
    }

    // ---- pixel conversion: the stored samples, as cv2.imread(IMREAD_COLOR) gives them

    @Test
    void rgbPngAndBmpArePixelExact() throws IOException {
        BufferedImage source = picture(37, 23);
        for (String format : new String[] {"png", "bmp"}) {
            RgbImage loaded = load(source, format);
            assertPixels(loaded, (x, y) -> source.getRGB(x, y) & 0xFFFFFF);
        }
    }

    /** ImageIO's grey colour space is linear; Java's getRGB would gamma-convert it, OpenCV copies the value. */
    @Test
    void greyPngIsReplicatedUnchangedIntoRgb() throws IOException {
        BufferedImage grey = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = grey.getRaster();
        forEachPixel(grey, (x, y) -> raster.setSample(x, y, 0, (x * 7 + y * 3) % 256));
        assertPixels(load(grey, "png"), (x, y) -> gray((x * 7 + y * 3) % 256));
    }

    @Test
    void sixteenBitGreyPngKeepsTheHighByte() throws IOException {
        BufferedImage grey = new BufferedImage(40, 30, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = grey.getRaster();
        forEachPixel(grey, (x, y) -> raster.setSample(x, y, 0, (x * 1733 + y * 911) % 65536));
        assertPixels(load(grey, "png"), (x, y) -> gray(((x * 1733 + y * 911) % 65536) >> 8));
    }

    @Test
    void sixteenBitRgbPngKeepsTheHighBytes() throws IOException {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(20, 10);
        BufferedImage image = new BufferedImage(model, raster, false, null);
        forEachPixel(image, (x, y) -> {
            raster.setSample(x, y, 0, x * 3000);
            raster.setSample(x, y, 1, y * 6000 + 255);
            raster.setSample(x, y, 2, 65535 - x * 1000);
        });
        assertPixels(load(image, "png"),
                (x, y) -> ((x * 3000) >> 8) << 16 | ((y * 6000 + 255) >> 8) << 8 | ((65535 - x * 1000) >> 8));
    }

    @Test
    void palettePngAndGifLookUpThePalette() throws IOException {
        byte[] r = {0, (byte) 200, 10, (byte) 255};
        byte[] g = {0, 100, (byte) 220, (byte) 255};
        byte[] b = {0, 50, 30, (byte) 128};
        IndexColorModel palette = new IndexColorModel(8, 4, r, g, b);
        BufferedImage indexed = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_INDEXED, palette);
        WritableRaster raster = indexed.getRaster();
        forEachPixel(indexed, (x, y) -> raster.setSample(x, y, 0, (x + y) % 4));
        for (String format : new String[] {"png", "gif"}) {
            assertPixels(load(indexed, format), (x, y) -> {
                int i = (x + y) % 4;
                return (r[i] & 0xFF) << 16 | (g[i] & 0xFF) << 8 | (b[i] & 0xFF);
            });
        }
    }

    @Test
    void oneBitImageIsBlackAndWhite() throws IOException {
        BufferedImage binary = new BufferedImage(33, 9, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = binary.getRaster();
        forEachPixel(binary, (x, y) -> raster.setSample(x, y, 0, (x + y) % 2));
        for (String format : new String[] {"png", "bmp"}) {
            assertPixels(load(binary, format), (x, y) -> (x + y) % 2 == 0 ? 0 : 0xFFFFFF);
        }
    }

    /** Alpha is dropped, not composited: fully transparent pixels keep their stored colour. */
    @Test
    void alphaIsDroppedWithoutCompositing() throws IOException {
        BufferedImage argb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        forEachPixel(argb, (x, y) -> argb.setRGB(x, y, (x * 16) << 24 | 0x10 * x << 16 | 0x0F * y << 8 | 0x77));
        assertPixels(load(argb, "png"), (x, y) -> 0x10 * x << 16 | 0x0F * y << 8 | 0x77);
    }

    @Test
    void greyJpegBecomesEqualRgbChannels() throws IOException {
        BufferedImage grey = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(180, 180, 180));
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        RgbImage loaded = load(grey, "jpeg");
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int v = loaded.sample(x, y, 0);
                assertEquals(v, loaded.sample(x, y, 1));
                assertEquals(v, loaded.sample(x, y, 2));
                assertTrue(Math.abs(v - 180) <= 2, "grey level " + v);
            }
        }
    }

    // ---- EXIF orientation of JPEGs

    /**
     * A 64x32 picture with red / green quadrants on top and blue / white below, stored with each EXIF orientation:
     * where each quadrant must appear (TL, TR, BL, BR) once the image is upright, as OpenCV turns it.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientationIsApplied(int orientation) throws IOException {
        String[] expected = switch (orientation) {
            case 1 -> new String[] {"red", "green", "blue", "white"};
            case 2 -> new String[] {"green", "red", "white", "blue"};
            case 3 -> new String[] {"white", "blue", "green", "red"};
            case 4 -> new String[] {"blue", "white", "red", "green"};
            case 5 -> new String[] {"red", "blue", "green", "white"};
            case 6 -> new String[] {"blue", "red", "white", "green"};
            case 7 -> new String[] {"white", "green", "blue", "red"};
            case 8 -> new String[] {"green", "white", "red", "blue"};
            default -> throw new IllegalArgumentException();
        };
        byte[] jpeg = TestFiles.withExifOrientation(TestFiles.encode(quadrants(), "jpeg"), orientation,
                orientation % 2 == 0);
        RgbImage upright = ImageLoader.load(Files.write(dir.resolve("o" + orientation + ".jpg"), jpeg));

        boolean transposed = orientation >= 5;
        assertEquals(transposed ? 32 : 64, upright.width());
        assertEquals(transposed ? 64 : 32, upright.height());
        int w = upright.width();
        int h = upright.height();
        String[] actual = {
            colourAt(upright, w / 4, h / 4), colourAt(upright, 3 * w / 4, h / 4),
            colourAt(upright, w / 4, 3 * h / 4), colourAt(upright, 3 * w / 4, 3 * h / 4)};
        assertEquals(Arrays.asList(expected), Arrays.asList(actual));
    }

    // ---- helpers

    private RgbImage load(BufferedImage image, String format) throws IOException {
        Path file = dir.resolve("image." + format);
        Files.write(file, TestFiles.encode(image, format));
        return ImageLoader.load(file);
    }

    private static void assertCannotRead(Path file, String reason) {
        YolocamException e = assertThrows(YolocamException.class, () -> ImageLoader.load(file));
        assertEquals(file, e.file());
        assertTrue(e.problem().startsWith("cannot read image: "), e.problem());
        assertTrue(e.problem().contains(reason), e.problem());
    }

    interface PixelFunction {
        int rgb(int x, int y);
    }

    interface PixelAction {
        void at(int x, int y);
    }

    private static void forEachPixel(BufferedImage image, PixelAction action) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                action.at(x, y);
            }
        }
    }

    private static void assertPixels(RgbImage image, PixelFunction expected) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int rgb = image.sample(x, y, 0) << 16 | image.sample(x, y, 1) << 8 | image.sample(x, y, 2);
                assertEquals(expected.rgb(x, y), rgb, "pixel (" + x + ", " + y + ")");
            }
        }
    }

    private static int gray(int v) {
        return v << 16 | v << 8 | v;
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(width * 31L + height);
        forEachPixel(image, (x, y) -> image.setRGB(x, y, random.nextInt(1 << 24)));
        return image;
    }

    private static BufferedImage quadrants() {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 32, 16);
        g.setColor(Color.GREEN);
        g.fillRect(32, 0, 32, 16);
        g.setColor(Color.BLUE);
        g.fillRect(0, 16, 32, 16);
        g.setColor(Color.WHITE);
        g.fillRect(32, 16, 32, 16);
        g.dispose();
        return image;
    }

    private static String colourAt(RgbImage image, int x, int y) {
        int r = image.sample(x, y, 0);
        int g = image.sample(x, y, 1);
        int b = image.sample(x, y, 2);
        if (r > 200 && g > 200 && b > 200) {
            return "white";
        }
        if (r > 200 && g < 60 && b < 60) {
            return "red";
        }
        if (g > 200 && r < 60 && b < 60) {
            return "green";
        }
        if (b > 200 && r < 60 && g < 60) {
            return "blue";
        }
        return "(" + r + "," + g + "," + b + ")";
    }
}
