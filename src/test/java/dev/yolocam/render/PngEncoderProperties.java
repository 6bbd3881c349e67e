package dev.yolocam.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** What the fast PNG encoder writes, any PNG reader reads back pixel for pixel. */
class PngEncoderProperties {
    @Property(tries = 60)
    void rgbImagesRoundTripExactly(@ForAll @IntRange(min = 1, max = 70) int width,
                                   @ForAll @IntRange(min = 1, max = 50) int height, @ForAll long seed)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        BufferedImage back = roundTrip(image);
        assertEquals(width, back.getWidth());
        assertEquals(height, back.getHeight());
        assertArrayEquals(image.getRGB(0, 0, width, height, null, 0, width),
                back.getRGB(0, 0, width, height, null, 0, width));
    }

    @Property(tries = 40)
    void greyImagesKeepTheirExactSamples(@ForAll @IntRange(min = 1, max = 70) int width,
                                         @ForAll @IntRange(min = 1, max = 50) int height, @ForAll long seed)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(seed);
        int[] samples = new int[width * height];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextInt(256);
        }
        image.getRaster().setSamples(0, 0, width, height, 0, samples);
        BufferedImage back = roundTrip(image);
        assertEquals(1, back.getRaster().getNumBands(), "still one channel");
        assertArrayEquals(samples, back.getRaster().getSamples(0, 0, width, height, 0, (int[]) null));
    }

    private static BufferedImage roundTrip(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(image, out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }
}
