package dev.yolocam.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Composes pictures into one: side by side, with a caption strip, or as a captioned grid of equally wide tiles
 * (one map per layer for {@code yolocam sweep}). Backgrounds are white; results are {@code TYPE_INT_RGB}.
 */
public final class Panels {
    private Panels() {
    }

    /**
     * The images in a row, each at its own size, tops aligned, {@code gap} white pixels between neighbours. The
     * result is as tall as the tallest image; shorter ones have white below them.
     */
    public static BufferedImage sideBySide(List<BufferedImage> images, int gap) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("nothing to put side by side");
        }
        if (gap < 0) {
            throw new IllegalArgumentException("gap must not be negative, got " + gap);
        }
        long width = (long) gap * (images.size() - 1);
        int height = 0;
        for (BufferedImage image : images) {
            width += image.getWidth();
            height = Math.max(height, image.getHeight());
        }
        BufferedImage out = canvas(Math.toIntExact(width), height);
        Graphics2D g = out.createGraphics();
        try {
            int x = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, x, 0, null);
                x += image.getWidth() + gap;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * {@code image} with {@code caption} centred in a white strip below it, in a sans-serif font sized to the
     * image width; {@code '\n'} starts a new line, lines wrap at spaces, and a word too long for the width is
     * shortened in the middle.
     */
    public static BufferedImage captioned(BufferedImage image, String caption) {
        CaptionText text = CaptionText.forWidth(image.getWidth());
        int strip = text.height(caption, image.getWidth());
        BufferedImage out = canvas(image.getWidth(), image.getHeight() + strip);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
            text.draw(g, caption, 0, image.getHeight(), image.getWidth());
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Tiles in reading order, {@code columns} per row (fewer if there are fewer tiles), each scaled to
     * {@code tileWidth} with its aspect ratio kept and its caption under it. Tiles in a row share their top edge;
     * a row is as tall as its tallest tile plus its longest caption. Tiles and rows are separated, and surrounded,
     * by {@link #gridMargin(int)} white pixels, so the grid is {@code c * tileWidth + (c + 1) * margin} wide.
     *
     * @param captions one per tile, in the same order; an empty caption leaves no strip
     */
    public static BufferedImage grid(List<BufferedImage> tiles, List<String> captions, int columns, int tileWidth) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one tile");
        }
        if (captions.size() != tiles.size()) {
            throw new IllegalArgumentException(tiles.size() + " tiles but " + captions.size() + " captions");
        }
        if (columns < 1 || tileWidth < 1) {
            throw new IllegalArgumentException("columns and tile width must be positive, got " + columns
                    + " and " + tileWidth);
        }
        int cols = Math.min(columns, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        int margin = gridMargin(tileWidth);
        CaptionText text = CaptionText.forWidth(tileWidth);
        int[] rowHeights = new int[rows];
        int[] tileHeights = new int[tiles.size()];
        for (int i = 0; i < tiles.size(); i++) {
            tileHeights[i] = Scaling.heightAt(tiles.get(i), tileWidth);
            int cellHeight = tileHeights[i] + text.height(captions.get(i), tileWidth);
            rowHeights[i / cols] = Math.max(rowHeights[i / cols], cellHeight);
        }
        long height = margin;
        for (int rowHeight : rowHeights) {
            height += rowHeight + margin;
        }
        BufferedImage out = canvas(Math.toIntExact((long) cols * tileWidth + (long) (cols + 1) * margin),
                Math.toIntExact(height));
        Graphics2D g = out.createGraphics();
        try {
            int y = margin;
            for (int row = 0; row < rows; row++) {
                for (int col = 0; col < cols && row * cols + col < tiles.size(); col++) {
                    int i = row * cols + col;
                    int x = margin + col * (tileWidth + margin);
                    g.drawImage(Scaling.toWidth(tiles.get(i), tileWidth), x, y, null);
                    text.draw(g, captions.get(i), x, y + tileHeights[i], tileWidth);
                }
                y += rowHeights[row] + margin;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The white space around and between grid tiles of width {@code tileWidth}: {@code max(8, tileWidth / 16)}. */
    public static int gridMargin(int tileWidth) {
        return Math.max(8, tileWidth / 16);
    }

    private static BufferedImage canvas(int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return out;
    }
}
