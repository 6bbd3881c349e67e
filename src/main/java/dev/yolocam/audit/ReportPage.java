package dev.yolocam.audit;

import dev.yolocam.render.Html;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The audit's {@code report.html}: the overall numbers, one table row per class, each class's own-box mass
 * histogram (inline SVG), galleries of the worst true positives, the false positives and the misses with their maps,
 * the images that failed, and last the run's settings. Self-contained so that it opens from disk and can be mailed: no
 * scripts, no external resources, thumbnails embedded as {@code data:} URIs. Every piece of text is escaped.
 *
 * <p>Numbers in the tables print with four decimals (counts as integers, absent ones as an em dash) and their cells
 * carry {@code data-key} (the key in {@code summary.json}) and, per class, {@code data-class-id}, so a test can hold
 * the page against the summary.
 */
public final class ReportPage {
    public static final String FILE_NAME = "report.html";
    /** Cards per gallery. */
    static final int GALLERY_SIZE = 24;
    /** Error rows listed; the rest are counted (they are all in the rows file). */
    static final int ERRORS_LISTED = 500;
    /** How an absent number (null in summary.json) prints. */
    static final String ABSENT = "\u2014";

    private static final Comparator<AuditRow> BY_KEY =
            Comparator.comparing(AuditRow::image).thenComparingInt(AuditRow::index);

    private static final String STYLE = """
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;\
            background:#f3f4f6;color:#1d1f23}
            header{padding:24px 32px 4px}
            h1{margin:0 0 4px;font-size:1.5rem;font-weight:600}
            h2{margin:28px 32px 8px;font-size:1.15rem;font-weight:600}
            .lead{margin:0 32px 8px;color:#5b6070;max-width:60rem}
            header .lead{margin:0}
            .panel{margin:8px 32px;padding:12px 16px;background:#fff;border-radius:8px;\
            box-shadow:0 1px 3px rgba(0,0,0,.12);overflow-x:auto}
            table.numbers{border-collapse:collapse;font-size:.9rem}
            table.numbers th,table.numbers td{padding:4px 12px;border-bottom:1px solid #e5e7eb;text-align:right}
            table.numbers th:first-child,table.numbers td:first-child{text-align:left}
            table.numbers thead th{font-weight:600;color:#3d4352;vertical-align:bottom}
            table.numbers td{font-variant-numeric:tabular-nums}
            table.settings th{text-align:left;font-weight:500;color:#5b6070;padding:2px 18px 2px 0}
            table.settings td{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
            .histograms{display:flex;flex-wrap:wrap;gap:16px;margin:8px 32px}
            .histograms figure{margin:0;padding:10px 12px;background:#fff;border-radius:8px;\
            box-shadow:0 1px 3px rgba(0,0,0,.12)}
            .histograms figcaption{font-weight:600;margin-bottom:4px}
            svg.histogram text{font-size:11px;fill:#3d4352}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:14px;\
            padding:4px 32px 8px}
            .card{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);overflow:hidden}
            .card img{display:block;width:100%;height:180px;object-fit:contain;background:#e8eaee}
            .card .nomap{height:180px;display:flex;align-items:center;justify-content:center;\
            background:#e8eaee;color:#5b6070;font-size:.85rem}
            .card h3{margin:10px 12px 4px;font:600 .85rem ui-monospace,Menlo,Consolas,monospace;\
            overflow-wrap:anywhere}
            .card table{margin:0 12px 12px;border-collapse:collapse;font-size:.82rem}
            .card th{padding:1px 14px 1px 0;text-align:left;font-weight:500;color:#5b6070}
            .card td{text-align:right;font-variant-numeric:tabular-nums}
            .empty{margin:4px 32px;color:#5b6070}
            table.errors th,table.errors td{text-align:left;overflow-wrap:anywhere}
            footer{margin:32px;color:#5b6070;font-size:.8rem}
            """;

    private ReportPage() {
    }

    public static String render(AuditSummary summary, List<AuditRow> rows, ThumbnailSource thumbnails) {
        Map<Integer, String> classNames = new HashMap<>();
        for (ClassSummary c : summary.classes()) {
            classNames.put(c.classId(), c.className());
        }
        StringBuilder out = new StringBuilder(1 << 16);
        String title = "yolocam audit";
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>").append(title).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1>").append(title).append("</h1>\n<p class=\"lead\">")
                .append(summary.images()).append(summary.images() == 1 ? " image, " : " images, ")
                .append(summary.detections()).append(" detections at the chosen confidence, ")
                .append(summary.labels()).append(" labelled objects; mAP50 ").append(format(summary.map50()))
                .append("</p>\n</header>\n");
        totals(out, summary);
        classes(out, summary);
        histograms(out, summary);
        CardWriter cards = new CardWriter(out, thumbnails, classNames);
        gallery(out, "worst-tp", "Worst true positives",
                "Lowest own-box mass first: the detections that were right while the map looked elsewhere.",
                pick(rows, r -> r.outcome() == Outcome.TP && r.kept() && r.ownBoxMass() != null,
                        Comparator.comparingDouble(AuditRow::ownBoxMass)), cards);
        gallery(out, "false-positives", "False positives", "Highest confidence first.",
                pick(rows, r -> r.outcome() == Outcome.FP && r.kept(), ClassSummary.BY_CONFIDENCE), cards);
        gallery(out, "misses", "Misses", "Labelled objects no kept detection found, with the reason.",
                pick(rows, r -> r.outcome() == Outcome.MISS, BY_KEY), cards);
        errors(out, rows);
        settings(out, summary.settings());
        out.append("<footer>Written by yolocam audit. Numbers as in summary.json.</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void settings(StringBuilder out, AuditSettings settings) {
        out.append("<h2>Settings</h2>\n<div class=\"panel\"><table class=\"settings\" id=\"settings\"><tbody>\n");
        for (Map.Entry<String, String> e : settings.entries().entrySet()) {
            out.append("<tr><th scope=\"row\">").append(Html.escape(e.getKey())).append("</th><td>")
                    .append(e.getValue() == null ? ABSENT : Html.escape(e.getValue())).append("</td></tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    private static void totals(StringBuilder out, AuditSummary s) {
        out.append("<h2>Overall</h2>\n<div class=\"panel\"><table class=\"numbers\" id=\"totals\">")
                .append("<thead><tr><th>images</th><th>errors</th><th>detections</th>")
                .append("<th>below conf</th><th>labels</th><th>TP</th><th>FP</th><th>misses</th>")
                .append("<th>mAP50</th></tr></thead>\n<tbody><tr>");
        total(out, "images", String.valueOf(s.images()));
        total(out, "errors", String.valueOf(s.errors()));
        total(out, "detections", String.valueOf(s.detections()));
        total(out, "detections_below_conf", String.valueOf(s.detectionsBelowConf()));
        total(out, "labels", String.valueOf(s.labels()));
        total(out, "tp", String.valueOf(s.tp()));
        total(out, "fp", String.valueOf(s.fp()));
        total(out, "misses", String.valueOf(s.misses()));
        total(out, "map50", format(s.map50()));
        out.append("</tr></tbody></table></div>\n");
    }

    private static void total(StringBuilder out, String key, String text) {
        out.append("<td data-key=\"").append(key).append("\">").append(text).append("</td>");
    }

    private static void classes(StringBuilder out, AuditSummary summary) {
        out.append("<h2>Per class</h2>\n<p class=\"lead\">Precision and recall at the chosen confidence; AP50 over ")
                .append("every detection down to 0.001 (YOLOv5's val.py). Own-box mass: the share of a map inside ")
                .append("its detection's box. Wrong reason: true positives whose map lies mostly outside their box ")
                .append("(own-box mass below 0.5). Pointing: true positives whose map peaks inside their label.</p>\n")
                .append("<div class=\"panel\"><table class=\"numbers\" id=\"classes\"><thead><tr>")
                .append("<th>class</th><th>labels</th><th>TP</th><th>FP</th><th>misses</th><th>precision</th>")
                .append("<th>recall</th><th>AP50</th><th>own-box mass TP</th><th>own-box mass FP</th>")
                .append("<th>wrong reason</th><th>pointing hits</th></tr></thead>\n<tbody>\n");
        for (ClassSummary c : summary.classes()) {
            String attributes = " data-class=\"" + Html.escape(c.className()) + "\" data-class-id=\"" + c.classId()
                    + "\"";
            out.append("<tr").append(attributes).append(">");
            cell(out, attributes, "class_name", Html.escape(c.className()));
            cell(out, attributes, "labels", String.valueOf(c.labels()));
            cell(out, attributes, "tp", String.valueOf(c.tp()));
            cell(out, attributes, "fp", String.valueOf(c.fp()));
            cell(out, attributes, "misses", String.valueOf(c.misses()));
            cell(out, attributes, "precision", format(c.precision()));
            cell(out, attributes, "recall", format(c.recall()));
            cell(out, attributes, "ap50", format(c.ap50()));
            cell(out, attributes, "mean_own_box_mass_tp", format(c.meanOwnBoxMassTp()));
            cell(out, attributes, "mean_own_box_mass_fp", format(c.meanOwnBoxMassFp()));
            cell(out, attributes, "wrong_reason_share", format(c.wrongReasonShare()));
            cell(out, attributes, "pointing_hit_rate", format(c.pointingHitRate()));
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    private static void cell(StringBuilder out, String attributes, String key, String text) {
        out.append("<td").append(attributes).append(" data-key=\"").append(key).append("\">").append(text)
                .append("</td>");
    }

    private static void histograms(StringBuilder out, AuditSummary summary) {
        out.append("<h2>Own-box mass of true positives</h2>\n<p class=\"lead\">How much of each true positive's ")
                .append("map lies inside its box; orange bins (below 0.5) are right for the wrong reason.</p>\n")
                .append("<div class=\"histograms\">\n");
        for (ClassSummary c : summary.classes()) {
            String name = Html.escape(c.className());
            out.append("<figure data-class=\"").append(name).append("\" data-class-id=\"").append(c.classId())
                    .append("\"><figcaption>").append(name).append("</figcaption>\n")
                    .append(MassHistogramSvg.render(c.ownBoxMassHistogram(), "own-box mass histogram of " + name))
                    .append("\n</figure>\n");
        }
        out.append("</div>\n");
    }

    /** Up to {@link #GALLERY_SIZE} rows that pass {@code filter}, in {@code order}, ties by image and index. */
    private static List<AuditRow> pick(List<AuditRow> rows, Predicate<AuditRow> filter, Comparator<AuditRow> order) {
        List<AuditRow> out = new ArrayList<>();
        for (AuditRow row : rows) {
            if (filter.test(row)) {
                out.add(row);
            }
        }
        out.sort(order.thenComparing(BY_KEY));
        return out.size() > GALLERY_SIZE ? out.subList(0, GALLERY_SIZE) : out;
    }

    private static void gallery(StringBuilder out, String id, String heading, String lead, List<AuditRow> rows,
                                CardWriter cards) {
        out.append("<h2 id=\"").append(id).append("\">").append(heading).append("</h2>\n<p class=\"lead\">")
                .append(lead).append("</p>\n");
        if (rows.isEmpty()) {
            out.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        out.append("<div class=\"cards\" data-gallery=\"").append(id).append("\">\n");
        for (AuditRow row : rows) {
            cards.write(row);
        }
        out.append("</div>\n");
    }

    private static void errors(StringBuilder out, List<AuditRow> rows) {
        out.append("<h2 id=\"errors\">Images that failed</h2>\n");
        List<AuditRow> all = new ArrayList<>();
        for (AuditRow row : rows) {
            if (row.outcome() == Outcome.ERROR) {
                all.add(row);
            }
        }
        all.sort(BY_KEY);
        if (all.isEmpty()) {
            out.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        out.append("<div class=\"panel\"><table class=\"numbers errors\" id=\"error-rows\"><thead><tr>")
                .append("<th>image</th><th>error</th></tr></thead>\n<tbody>\n");
        for (AuditRow row : all.subList(0, Math.min(all.size(), ERRORS_LISTED))) {
            out.append("<tr><td>").append(Html.escape(row.image())).append("</td><td>")
                    .append(row.error() == null ? ABSENT : Html.escape(row.error())).append("</td></tr>\n");
        }
        out.append("</tbody></table>");
        if (all.size() > ERRORS_LISTED) {
            out.append("<p class=\"empty\">and ").append(all.size() - ERRORS_LISTED)
                    .append(" more in the rows file</p>");
        }
        out.append("</div>\n");
    }

    /** Four decimals, or {@link #ABSENT} for null. */
    static String format(Double value) {
        return value == null ? ABSENT : String.format(Locale.ROOT, "%.4f", value);
    }

    /** One gallery card: the thumbnail embedded, the image key, class and the row's numbers. */
    private record CardWriter(StringBuilder out, ThumbnailSource thumbnails, Map<Integer, String> classNames) {
        void write(AuditRow row) {
            String key = Html.escape(row.image());
            String className = Html.escape(row.className() == null ? String.valueOf(row.classId())
                    : row.className());
            out.append("<article class=\"card ").append(row.outcome().key()).append("\">");
            byte[] png = row.thumbnail() == null ? null : thumbnails.read(row.thumbnail());
            if (png != null) {
                out.append("<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                        .append("\" alt=\"map of ").append(className).append(" in ").append(key).append("\" />");
            } else {
                out.append("<div class=\"nomap\">").append(row.thumbnail() == null ? "no map" : "thumbnail missing")
                        .append("</div>");
            }
            out.append("\n<h3>").append(key).append("</h3>\n<table><tbody>");
            line("class", className);
            line(row.outcome() == Outcome.MISS ? "best score" : "confidence", format(row.confidence()));
            line("own-box mass", format(row.ownBoxMass()));
            if (row.outcome() == Outcome.MISS) {
                line("reason", Html.escape(reason(row)));
            }
            if (row.iou() != null) {
                line(row.outcome() == Outcome.MISS ? "IoU of best box" : "IoU", format(row.iou()));
            }
            out.append("</tbody></table></article>\n");
        }

        private void line(String name, String escapedValue) {
            out.append("<tr><th scope=\"row\">").append(name).append("</th><td>").append(escapedValue)
                    .append("</td></tr>");
        }

        private String reason(AuditRow row) {
            String reason = row.missReason() == null ? "unknown" : row.missReason();
            if (row.missBy() == null) {
                return reason;
            }
            return switch (reason) {
                case "nms" -> reason + " (suppressed by detection " + row.missBy() + ")";
                case "wrong_class" -> reason + " (" + classNames.getOrDefault(row.missBy(),
                        "class " + row.missBy()) + " won)";
                default -> reason + " (" + row.missBy() + ")";
            };
        }
    }
}
