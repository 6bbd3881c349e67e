package dev.yolocam.audit;

import dev.yolocam.io.JsonFile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The end of every audit, local or on Spark: from the rows, {@code summary.json} and the {@code report.html} that
 * shows it, both written into the audit folder.
 */
public final class AuditReport {
    public static final String SUMMARY_FILE = "summary.json";

    private AuditReport() {
    }

    /**
     * @param images every image of the dataset, failed ones included
     * @return the summary written
     */
    public static AuditSummary write(ReportFiles files, AuditSettings settings, int images, List<AuditRow> rows) {
        AuditSummary summary = AuditSummary.of(settings, images, rows);
        files.write(SUMMARY_FILE, JsonFile.bytes(summary.toJson()));
        files.write(ReportPage.FILE_NAME, ReportPage.render(summary, rows, files).getBytes(StandardCharsets.UTF_8));
        return summary;
    }
}
