package dev.yolocam.render;

import dev.yolocam.detect.RgbImage;
import dev.yolocam.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

/** RgbImage <-> BufferedImage, and PNG files written atomically. */
public final class Images {
    private Images() {
    }

    public static BufferedImage toBuffered(RgbImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        byte[] p = image.pixels();
        int[] row = new int[image.width()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int i = (y * image.width() + x) * 3;
                row[x] = (p[i] & 0xff) << 16 | (p[i + 1] & 0xff) << 8 | (p[i + 2] & 0xff);
            }
            out.setRGB(0, y, image.width(), 1, row, 0, image.width());
        }
        return out;
    }

    public static void writePng(Path target, BufferedImage image) {
        AtomicFiles.write(target, out -> PngEncoder.write(image, out));
    }

    /** The PNG file's bytes, for a writer that is not a local path. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(image, out);
        return out.toByteArray();
    }

    /** {@code image} scaled down so that its longer side is at most {@code maxSide} pixels (never scaled up). */
    public static BufferedImage thumbnail(BufferedImage image, int maxSide) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= maxSide) {
            return image;
        }
        int width = Math.max(1, (int) Math.round(image.getWidth() * (double) maxSide / longer));
        return Scaling.toWidth(image, width);
    }
}
