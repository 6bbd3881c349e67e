package dev.yolocam.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Captions set in a sans-serif font sized for the width they sit under, centred. {@code '\n'} starts a new line,
 * lines wrap at spaces, and a single word wider than the strip is shortened in the middle with an ellipsis (a layer
 * path keeps its start and its end).
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

    /** Pixels needed for {@code caption} in a strip {@code width} wide: none for an empty caption. */
    int height(String caption, int width) {
        int lines = layout(caption, width).size();
        return lines == 0 ? 0 : lines * metrics.getHeight() + 2 * padding;
    }

    /** Draws {@code caption} centred in the strip whose top-left corner is (x, y) and which is {@code width} wide. */
    void draw(Graphics2D g, String caption, int x, int y, int width) {
        applyHints(g);
        g.setFont(font);
        g.setColor(INK);
        int baseline = y + padding + metrics.getAscent();
        for (String line : layout(caption, width)) {
            g.drawString(line, x + (width - metrics.stringWidth(line)) / 2, baseline);
            baseline += metrics.getHeight();
        }
    }

    /** The lines {@code caption} is set in within a strip {@code width} wide. */
    List<String> layout(String caption, int width) {
        int available = width - 2 * padding;
        List<String> lines = new ArrayList<>();
        for (String paragraph : caption.strip().lines().toList()) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                String joined = line.isEmpty() ? word : line + " " + word;
                if (metrics.stringWidth(joined) <= available) {
                    line.setLength(0);
                    line.append(joined);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(fit(word, available));
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
        }
        return lines;
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

    static void applyHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }
}
