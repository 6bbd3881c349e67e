package dev.yolocam.render;

import dev.yolocam.detect.Detection;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** Draws detection boxes with "name 0.93" labels, the way YOLOv5's Annotator does, onto an image in place. */
public final class BoxPainter {
    private BoxPainter() {
    }

    /** A dashed box in the class's colour (a ground-truth label), no caption. */
    public static void drawDashed(BufferedImage image, double x1, double y1, double x2, double y2, int classId) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float lineWidth = lineWidth(image);
            g.setStroke(new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {3 * lineWidth, 2 * lineWidth}, 0f));
            g.setColor(Palette.forClass(classId));
            int left = (int) Math.round(x1);
            int top = (int) Math.round(y1);
            g.drawRect(left, top, (int) Math.round(x2) - left, (int) Math.round(y2) - top);
        } finally {
            g.dispose();
        }
    }

    public static void draw(BufferedImage image, List<Detection> detections, IntFunction<String> className) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int lineWidth = lineWidth(image);
            g.setStroke(new BasicStroke(lineWidth));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, lineWidth * 6)));
            FontMetrics fm = g.getFontMetrics();
            for (Detection d : detections) {
                Color color = Palette.forClass(d.classId());
                int x1 = Math.round(d.x1());
                int y1 = Math.round(d.y1());
                int x2 = Math.round(d.x2());
                int y2 = Math.round(d.y2());
                g.setColor(color);
                g.drawRect(x1, y1, x2 - x1, y2 - y1);
                String label = String.format(Locale.ROOT, "%s %.2f", className.apply(d.classId()), d.confidence());
                int tw = fm.stringWidth(label) + 4;
                int th = fm.getAscent() + 2;
                int ty = y1 - th >= 0 ? y1 - th : y1;
                int tx = Math.max(0, Math.min(x1, image.getWidth() - tw));
                g.fillRect(tx, ty, tw, th);
                g.setColor(Color.WHITE);
                g.drawString(label, tx + 2, ty + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
    }

    /** YOLOv5's Annotator line width: 0.3 % of the mean side, at least 2 pixels. */
    private static int lineWidth(BufferedImage image) {
        return Math.max(Math.round((image.getWidth() + image.getHeight()) / 2f * 0.003f), 2);
    }
}
