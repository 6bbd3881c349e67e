package dev.yolocam.render;

import dev.yolocam.detect.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A class-activation map blended over its image, exactly as pytorch-grad-cam's
 * {@code show_cam_on_image(img, mask, use_rgb=True, colormap=cv2.COLORMAP_JET, image_weight)} computes it with
 * {@code img = np.float32(rgb) / 255}:
 * <pre>
 * heatmap = JET(np.uint8(255 * mask)) / 255
 * cam     = (1 - image_weight) * heatmap + image_weight * img
 * result  = np.uint8(255 * (cam / np.max(cam)))
 * </pre>
 * All arithmetic is float32 like NumPy's, so the output matches byte for byte.
 */
public final class CamOverlay {
    /** pytorch-grad-cam's default {@code image_weight}. */
    public static final double DEFAULT_IMAGE_WEIGHT = 0.5;

    private CamOverlay() {
    }

    /** {@link #overlay(RgbImage, float[], double)} with the default image weight 0.5. */
    public static BufferedImage overlay(RgbImage image, float[] map) {
        return overlay(image, map, DEFAULT_IMAGE_WEIGHT);
    }

    /**
     * @param image       the picture, in the map's frame (the original image for {@code CamMap.original()})
     * @param map         {@code image.height() x image.width()} row-major values in [0, 1]
     * @param imageWeight the image's share of the blend, in [0, 1]; the heatmap gets the rest
     * @return a {@code TYPE_INT_RGB} image of the same size
     */
    public static BufferedImage overlay(RgbImage image, float[] map, double imageWeight) {
        if (!(imageWeight >= 0 && imageWeight <= 1)) {
            throw new IllegalArgumentException("image weight must be in [0, 1], got " + imageWeight);
        }
        int width = image.width();
        int height = image.height();
        MapChecks.requireSize(map, width, height);
        // NumPy turns the Python-float weights into float32 before multiplying a float32 array.
        float heatWeight = (float) (1 - imageWeight);
        float picWeight = (float) imageWeight;
        byte[] pixels = image.pixels();
        float[] cam = new float[pixels.length];
        float max = 0f;
        for (int i = 0; i < map.length; i++) {
            int rgb = Colormap.jet(UnitBytes.of(map[i]));
            for (int c = 0; c < 3; c++) {
                float heat = ((rgb >> (16 - 8 * c)) & 0xFF) / 255f;
                float pic = (pixels[i * 3 + c] & 0xFF) / 255f;
                float v = heatWeight * heat + picWeight * pic;
                cam[i * 3 + c] = v;
                max = Math.max(max, v);
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] packed = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        if (max == 0f) {
            // Only a black image at weight 1 gets here; NumPy would divide 0 by 0, black is the sensible answer.
            return out;
        }
        for (int i = 0; i < packed.length; i++) {
            int r = UnitBytes.of(cam[i * 3] / max);
            int g = UnitBytes.of(cam[i * 3 + 1] / max);
            int b = UnitBytes.of(cam[i * 3 + 2] / max);
            packed[i] = r << 16 | g << 8 | b;
        }
        return out;
    }
}
