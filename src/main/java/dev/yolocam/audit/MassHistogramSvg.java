package dev.yolocam.audit;

import java.util.List;
import java.util.Locale;

/**
 * One class's own-box mass histogram as an inline SVG bar chart: ten bars, the count above each, the bins below 0.5
 * (right for the wrong reason) in orange. Each bar carries {@code data-bin} and {@code data-count}.
 */
final class MassHistogramSvg {
    private static final int BAR = 28;
    private static final int GAP = 4;
    private static final int LEFT = 10;
    private static final int TOP = 18;
    private static final int PLOT_HEIGHT = 100;
    private static final int WIDTH = LEFT * 2 + MassHistogram.BINS * (BAR + GAP) - GAP;
    private static final int HEIGHT = TOP + PLOT_HEIGHT + 34;

    private MassHistogramSvg() {
    }

    /** The chart; {@code label} (already escaped) names it for screen readers. */
    static String render(List<Integer> counts, String escapedLabel) {
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        StringBuilder out = new StringBuilder(2048);
        out.append("<svg class=\"histogram\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escapedLabel).append("\">\n");
        int baseline = TOP + PLOT_HEIGHT;
        for (int bin = 0; bin < counts.size(); bin++) {
            int count = counts.get(bin);
            int height = (int) Math.round(PLOT_HEIGHT * count / (double) max);
            int x = LEFT + bin * (BAR + GAP);
            boolean wrongReason = MassHistogram.lowerEdge(bin) < ClassSummary.WRONG_REASON_BELOW;
            out.append("<rect class=\"bar\" data-bin=\"").append(bin).append("\" data-count=\"").append(count)
                    .append("\" x=\"").append(x).append("\" y=\"").append(baseline - height).append("\" width=\"")
                    .append(BAR).append("\" height=\"").append(height).append("\" fill=\"")
                    .append(wrongReason ? "#e8590c" : "#1c7ed6").append("\"><title>")
                    .append(binName(bin)).append(": ").append(count).append("</title></rect>\n");
            out.append("<text x=\"").append(x + BAR / 2).append("\" y=\"").append(baseline - height - 4)
                    .append("\" text-anchor=\"middle\" class=\"count\">").append(count).append("</text>\n");
        }
        out.append("<line x1=\"").append(LEFT - 2).append("\" y1=\"").append(baseline).append("\" x2=\"")
                .append(WIDTH - LEFT + 2).append("\" y2=\"").append(baseline).append("\" stroke=\"#5b6070\" />\n");
        for (int tick = 0; tick <= MassHistogram.BINS; tick += MassHistogram.BINS / 2) {
            int x = LEFT + tick * (BAR + GAP) - (tick == MassHistogram.BINS ? GAP : 0);
            out.append("<text x=\"").append(x).append("\" y=\"").append(baseline + 14)
                    .append("\" text-anchor=\"middle\" class=\"tick\">")
                    .append(String.format(Locale.ROOT, "%.1f", tick / (double) MassHistogram.BINS))
                    .append("</text>\n");
        }
        out.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(baseline + 30)
                .append("\" text-anchor=\"middle\" class=\"tick\">own-box mass of true positives</text>\n");
        return out.append("</svg>").toString();
    }

    private static String binName(int bin) {
        double low = MassHistogram.lowerEdge(bin);
        double high = MassHistogram.lowerEdge(bin + 1);
        return String.format(Locale.ROOT, bin == MassHistogram.BINS - 1 ? "[%.1f, %.1f]" : "[%.1f, %.1f)", low, high);
    }
}
