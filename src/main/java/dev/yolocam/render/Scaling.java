package dev.yolocam.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Resizes pictures for panels, keeping the aspect ratio and avoiding the aliasing of a single large reduction. */
final class Scaling {
    private Scaling() {
    }

    /** The height {@code image} gets when scaled to {@code width}, at least 1. */
    static int heightAt(BufferedImage image, int width) {
        return Math.max(1, (int) Math.round(image.getHeight() * (double) width / image.getWidth()));
    }

    /** {@code image} scaled to {@code width} pixels wide, aspect kept, as a new {@code TYPE_INT_RGB} image. */
    static BufferedImage toWidth(BufferedImage image, int width) {
        int height = heightAt(image, width);
        BufferedImage current = image;
        // Bilinear sampling only looks at 2x2 neighbours; halving step by step lets every source pixel count.
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        Object interpolation = width > current.getWidth()
                ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR;
        return draw(current, width, height, interpolation);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
