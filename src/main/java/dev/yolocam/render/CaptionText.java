package dev.yolocam.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Caption lines set in a sans-serif font sized for the width they sit under: centred, one line per {@code '\n'},
 * and shortened in the middle with an ellipsis when a line does not fit (a layer path keeps its start and its end).
 */
final class CaptionText {
    private static final Color INK = new Color(0x222222);
    private static final String ELLIPSIS = "\u2026";

    private final Font font;
    private final FontMetrics metrics;
    private final int padding;

    private CaptionText(Font font) {
        this.font = font;
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            applyHints(g);
            this.metrics = g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
        this.padding = Math.max(4, font.getSize() / 2);
    }

    /** The caption style for text under something {@code width} pixels wide: 12 px at 160 px wide, up to 28 px. */
    static CaptionText forWidth(int width) {
        int size = Math.max(12, Math.min(28, 8 + width / 40));
        return new CaptionText(new Font(Font.SANS_SERIF, Font.PLAIN, size));
    }

    /** Pixels needed below the picture for {@code caption}: none for an empty caption. */
    int height(String caption) {
        int lines = lines(caption).size();
        return lines == 0 ? 0 : lines * metrics.getHeight() + 2 * padding;
    }

    /** Draws {@code caption} centred in the strip whose top-left corner is (x, y) and which is {@code width} wide. */
    void draw(Graphics2D g, String caption, int x, int y, int width) {
        applyHints(g);
        g.setFont(font);
        g.setColor(INK);
        int baseline = y + padding + metrics.getAscent();
        for (String line : lines(caption)) {
            String shown = fit(line, width - 2 * padding);
            g.drawString(shown, x + (width - metrics.stringWidth(shown)) / 2, baseline);
            baseline += metrics.getHeight();
        }
    }

    /** {@code line}, or its start and end joined by an ellipsis, whichever is the longest that fits. */
    String fit(String line, int maxWidth) {
        if (metrics.stringWidth(line) <= maxWidth) {
            return line;
        }
        int[] cps = line.codePoints().toArray();
        for (int keep = cps.length - 1; keep > 0; keep--) {
            int tail = (keep + 1) / 2;
            int head = keep - tail;
            String candidate = new String(cps, 0, head) + ELLIPSIS + new String(cps, cps.length - tail, tail);
            if (metrics.stringWidth(candidate) <= maxWidth) {
                return candidate;
            }
        }
        return ELLIPSIS;
    }

    private static List<String> lines(String caption) {
        return caption.isBlank() ? List.of() : caption.strip().lines().toList();
    }

    static void applyHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }
}
