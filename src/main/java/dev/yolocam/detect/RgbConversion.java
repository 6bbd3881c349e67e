package dev.yolocam.detect;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Converts whatever {@link BufferedImage} ImageIO produced into 8-bit {@link RgbImage} pixels the way
 * {@code cv2.imread(path, IMREAD_COLOR)} would: the stored samples are taken as they are (no colour management,
 * so embedded ICC profiles and the grey colour space's gamma are ignored, as OpenCV ignores them), alpha is
 * dropped (not composited), grey is replicated into R, G and B, palettes are looked up, 16-bit samples keep their
 * high byte (libpng's {@code png_set_strip_16}) and narrower packed samples such as BMP's 5-6-5 are shifted up
 * (OpenCV's BMP decoder does the same).
 */
final class RgbConversion {
    private RgbConversion() {
    }

    static RgbImage toRgb(BufferedImage image) {
        ColorModel colorModel = image.getColorModel();
        Raster raster = image.getRaster();
        int colorComponents = colorModel.getNumColorComponents();
        boolean integerSamples = raster.getTransferType() != DataBuffer.TYPE_FLOAT
                && raster.getTransferType() != DataBuffer.TYPE_DOUBLE;
        if (colorModel instanceof IndexColorModel palette) {
            return fromPalette(raster, palette);
        }
        if (integerSamples && (colorComponents == 1 || colorComponents == 3)) {
            return fromSamples(raster, colorModel, colorComponents);
        }
        return fromRgbInts(image);
    }

    private static RgbImage fromPalette(Raster raster, IndexColorModel palette) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[width * height * 3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            int o = y * width * 3;
            for (int x = 0; x < width; x++, o += 3) {
                out[o] = (byte) palette.getRed(row[x]);
                out[o + 1] = (byte) palette.getGreen(row[x]);
                out[o + 2] = (byte) palette.getBlue(row[x]);
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Grey (one colour component) or three colour components, with any number of extra (alpha) bands. */
    private static RgbImage fromSamples(Raster raster, ColorModel colorModel, int colorComponents) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[width * height * 3];
        int[] row = new int[width];
        for (int c = 0; c < 3; c++) {
            int band = colorComponents == 1 ? 0 : c;
            int bits = colorModel.getComponentSize(band);
            for (int y = 0; y < height; y++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, band, row);
                int o = y * width * 3 + c;
                for (int x = 0; x < width; x++, o += 3) {
                    out[o] = (byte) toEightBits(row[x], bits);
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Last resort (CMYK, float samples, exotic colour spaces): Java's own conversion to sRGB. */
    private static RgbImage fromRgbInts(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] out = new byte[width * height * 3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int o = y * width * 3;
            for (int x = 0; x < width; x++, o += 3) {
                out[o] = (byte) (row[x] >> 16);
                out[o + 1] = (byte) (row[x] >> 8);
                out[o + 2] = (byte) row[x];
            }
        }
        return new RgbImage(width, height, out);
    }

    private static int toEightBits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        return bits > 8 ? sample >>> (bits - 8) : sample << (8 - bits);
    }
}
