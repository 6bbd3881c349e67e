package dev.yolocam.audit;

import java.util.List;

/**
 * One image audited: its rows (detections in confidence order, then misses in label order, or one error row) and
 * the files they name.
 */
public record ImageAudit(String key, List<AuditRow> rows, List<AuditArtifact> artifacts) {
    public ImageAudit {
        rows = List.copyOf(rows);
        artifacts = List.copyOf(artifacts);
    }
}
