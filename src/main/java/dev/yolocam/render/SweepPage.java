package dev.yolocam.render;

import dev.yolocam.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code index.html} of a {@code yolocam sweep} run: the overview grid on top, then one card per layer with a
 * thumbnail, the layer path, class and shape, its rank when the layers were ranked ({@code sweep --rank}: the
 * recommended layer's card is outlined and named in the summary), and a metrics table. Clicking a thumbnail opens
 * the full-size overlay in a CSS {@code :target} lightbox. The page is self-contained (no scripts, no external resources), every piece of
 * text is escaped, and it is also well-formed XML.
 */
public final class SweepPage {
    /** The file name the page is written under. */
    public static final String FILE_NAME = "index.html";

    private static final String STYLE = """
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;\
            background:#f3f4f6;color:#1d1f23}
            header{padding:24px 32px 4px}
            h1{margin:0 0 4px;font-size:1.5rem;font-weight:600}
            .summary{margin:0;color:#5b6070}
            .overview{margin:16px 32px;padding:12px;background:#fff;border-radius:8px;\
            box-shadow:0 1px 3px rgba(0,0,0,.12);text-align:center}
            .overview img{max-width:100%;height:auto}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:16px;\
            padding:8px 32px 32px}
            .card{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);overflow:hidden}
            .card.recommended{outline:3px solid #2f9e44}
            .tag.rank{background:#d3f9d8;color:#1b5e20;font-weight:600}
            .summary a{color:#1b5e20;font-weight:600}
            .thumb img{display:block;width:100%;height:220px;object-fit:contain;background:#e8eaee}
            .card h2{margin:12px 14px 6px;font:600 .9rem ui-monospace,Menlo,Consolas,monospace;\
            overflow-wrap:anywhere}
            .meta{margin:0 14px 10px}
            .tag{display:inline-block;margin:0 6px 4px 0;padding:1px 7px;border-radius:4px;background:#eef1f6;\
            color:#3d4352;font-size:.8rem}
            .metrics{margin:0 14px 14px;border-collapse:collapse;font-size:.85rem}
            .metrics th{padding:2px 18px 2px 0;text-align:left;font-weight:500;color:#5b6070}
            .metrics td{text-align:right;font-variant-numeric:tabular-nums}
            .lightbox{display:none;position:fixed;inset:0;z-index:10;background:rgba(12,14,18,.9);\
            flex-direction:column;align-items:center;justify-content:center}
            .lightbox:target{display:flex}
            .lightbox img{max-width:94vw;max-height:84vh;box-shadow:0 4px 24px rgba(0,0,0,.5)}
            .lightbox p{margin:12px;color:#e6e8ec;font-family:ui-monospace,Menlo,Consolas,monospace}
            .lightbox p a{color:#9cc9ff;margin-left:16px}
            """;

    private SweepPage() {
    }

    /**
     * Writes {@code dir/index.html} atomically.
     *
     * @param title    the page heading
     * @param entries  one card each, in this order
     * @param gridFile the overview grid image relative to {@code dir}, or {@code null} for none
     * @return the written file
     */
    public static Path write(Path dir, String title, List<SweepEntry> entries, String gridFile) {
        Path target = dir.resolve(FILE_NAME);
        byte[] html = render(title, entries, gridFile).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(target, html);
        return target;
    }

    static String render(String title, List<SweepEntry> entries, String gridFile) {
        StringBuilder out = new StringBuilder(4096 + 1024 * entries.size());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1>").append(Html.escape(title)).append("</h1>\n<p class=\"summary\">")
                .append(entries.size()).append(entries.size() == 1 ? " layer" : " layers");
        for (int i = 0; i < entries.size(); i++) {
            SweepEntry.Rank rank = entries.get(i).rank();
            if (rank != null && rank.place() == 1) {
                out.append("; recommended: <a href=\"#layer-").append(i + 1).append("\">")
                        .append(Html.escape(entries.get(i).layerPath())).append("</a> (faithfulness score ")
                        .append(Html.escape(format(rank.score()))).append(")");
            }
        }
        out.append("</p>\n</header>\n");
        if (gridFile != null) {
            String src = Html.escape(Html.url(gridFile));
            out.append("<figure class=\"overview\"><a href=\"").append(src).append("\"><img src=\"").append(src)
                    .append("\" alt=\"one map per layer\" /></a></figure>\n");
        }
        out.append("<main class=\"cards\">\n");
        for (int i = 0; i < entries.size(); i++) {
            card(out, i + 1, entries.get(i));
        }
        out.append("</main>\n");
        for (int i = 0; i < entries.size(); i++) {
            lightbox(out, i + 1, entries.get(i));
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void card(StringBuilder out, int number, SweepEntry entry) {
        String path = Html.escape(entry.layerPath());
        SweepEntry.Rank rank = entry.rank();
        boolean recommended = rank != null && rank.place() == 1;
        out.append("<article class=\"card").append(recommended ? " recommended" : "").append("\" id=\"layer-")
                .append(number).append("\">\n")
                .append("<a class=\"thumb\" href=\"#zoom-").append(number).append("\"><img src=\"")
                .append(Html.escape(Html.url(entry.imageFile()))).append("\" alt=\"").append(path)
                .append("\" loading=\"lazy\" /></a>\n")
                .append("<h2>").append(path).append("</h2>\n")
                .append("<p class=\"meta\"><span class=\"tag\">").append(Html.escape(entry.layerClass()))
                .append("</span><span class=\"tag\">").append(Html.escape(entry.shape())).append("</span>");
        if (rank != null) {
            out.append("<span class=\"tag rank\">").append(recommended ? "recommended" : "rank " + rank.place())
                    .append(", score ").append(Html.escape(format(rank.score()))).append("</span>");
        }
        out.append("</p>\n");
        if (!entry.metrics().isEmpty()) {
            out.append("<table class=\"metrics\"><tbody>\n");
            for (Map.Entry<String, Double> metric : entry.metrics().entrySet()) {
                out.append("<tr><th scope=\"row\">").append(Html.escape(metric.getKey())).append("</th><td>")
                        .append(Html.escape(format(metric.getValue()))).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</article>\n");
    }

    private static void lightbox(StringBuilder out, int number, SweepEntry entry) {
        String src = Html.escape(Html.url(entry.imageFile()));
        String path = Html.escape(entry.layerPath());
        out.append("<div class=\"lightbox\" id=\"zoom-").append(number).append("\">")
                .append("<a href=\"#layer-").append(number).append("\" title=\"close\"><img src=\"").append(src)
                .append("\" alt=\"").append(path).append("\" loading=\"lazy\" /></a>")
                .append("<p>").append(path).append("<a href=\"").append(src).append("\">open PNG</a>")
                .append("<a href=\"#layer-").append(number).append("\">close</a></p></div>\n");
    }

    /** Whole numbers without decimals, ordinary magnitudes with four decimals, the rest in scientific notation. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        if (magnitude >= 1e-3 && magnitude < 1e5) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }
}
