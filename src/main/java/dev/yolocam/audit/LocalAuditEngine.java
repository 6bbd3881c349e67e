package dev.yolocam.audit;

import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit in this process, one image at a time, resumable: every finished image's maps are written (each file
 * atomically), then its rows are appended to the journal; a run started again with the same settings skips what the
 * journal holds. At the end: {@code rows.jsonl} (every row in {@link AuditRows#ORDER}), then the report.
 */
public final class LocalAuditEngine implements AuditEngine {
    static final String ROWS = "rows.jsonl";

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<AuditRow> run(AuditJob job) {
        List<AuditImage> images = new AuditDataset(new LocalDatasetFiles()).resolve(job.data());
        Path out = Path.of(job.out());
        AuditFolder.claim(out, job.settings(), job.existOk());
        try (AuditJournal journal = AuditJournal.open(out)) {
            Map<String, List<AuditRow>> done = journal.done();
            List<AuditImage> todo = images.stream().filter(i -> !done.containsKey(i.key())).toList();
            job.progress().started(images.size(), images.size() - todo.size());
            if (!todo.isEmpty()) {
                ImageAuditor auditor = job.factory().open(job.arguments());
                for (AuditImage image : todo) {
                    ImageAudit audit = auditor.audit(image.key(), Path.of(image.image()));
                    for (AuditArtifact file : audit.artifacts()) {
                        AtomicFiles.write(out.resolve(file.path()), file.bytes());
                    }
                    journal.append(audit);
                    job.progress().imageDone(image.key());
                }
            }
            List<AuditRow> rows = new ArrayList<>();
            for (AuditImage image : images) {
                List<AuditRow> imageRows = done.get(image.key());
                if (imageRows == null) {
                    throw new YolocamException(out.resolve(AuditJournal.FILE), "has no rows for " + image.key());
                }
                rows.addAll(imageRows);
            }
            rows.sort(AuditRows.ORDER);
            writeRows(out.resolve(ROWS), rows);
            AuditReport.write(new LocalReportFiles(out), job.settings(), images.size(), rows);
            return rows;
        }
    }

    private static void writeRows(Path file, List<AuditRow> rows) {
        AtomicFiles.write(file, stream -> {
            for (AuditRow row : rows) {
                stream.write((AuditRows.toJson(row) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
