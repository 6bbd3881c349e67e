package dev.yolocam.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** A map on its own, as an 8-bit greyscale picture: {@code np.uint8(255 * map)}, white where the map is 1. */
public final class Heatmap {
    private Heatmap() {
    }

    /**
     * @param map {@code width x height} row-major values in [0, 1]
     * @return a {@code TYPE_BYTE_GRAY} image whose samples are exactly {@code np.uint8(255 * map)}
     */
    public static BufferedImage grey(float[] map, int width, int height) {
        MapChecks.requireSize(map, width, height);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        // Written to the raster directly: setRGB would pass the values through a colour-space conversion.
        byte[] samples = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) UnitBytes.of(map[i]);
        }
        return out;
    }
}
