package dev.yolocam.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.audit.AuditReport;
import dev.yolocam.audit.AuditSettings;
import dev.yolocam.audit.ReportPage;
import dev.yolocam.errors.UsageException;
import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The Spark engine's output folder, guarded as the local engine's: it remembers the settings it was made with
 * ({@code audit.json}, the local engine's format); the same command again redoes the audit there, other settings
 * are refused unless {@code --exist-ok}, which removes the earlier audit's files (only those) first.
 */
final class SparkAuditFolder {
    static final String SETTINGS = "audit.json";
    static final String ROWS = "rows";
    /** Every file and folder a Spark audit writes; --exist-ok removes these and nothing else. */
    private static final List<String> OWN = List.of(SETTINGS, ROWS, AuditReport.SUMMARY_FILE, ReportPage.FILE_NAME,
            "maps");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkAuditFolder() {
    }

    static void claim(HadoopFiles files, String folder, AuditSettings settings, boolean existOk) {
        String file = OutputFolder.child(folder, SETTINGS);
        byte[] earlier = files.read(file);
        if (earlier != null) {
            List<String> differences = settings.differences(read(file, earlier));
            if (!differences.isEmpty()) {
                if (!existOk) {
                    throw new UsageException(folder + " holds an audit made with other settings ("
                            + String.join("; ", differences) + "); --exist-ok starts it over, or choose another --out");
                }
                removeOwnFiles(files, folder);
            }
        } else if (files.isDirectory(folder) && !files.isEmptyFolder(folder)) {
            if (!existOk) {
                throw new UsageException(folder + " is not empty and holds no audit; --exist-ok writes the audit "
                        + "into it anyway, or choose another --out");
            }
            removeOwnFiles(files, folder);
        }
        try {
            files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    Map.of("settings", settings.entries())));
        } catch (IOException e) {
            throw new IllegalStateException("settings did not serialise", e);
        }
    }

    private static AuditSettings read(String location, byte[] bytes) {
        try {
            Map<String, Map<String, String>> document = JSON.readValue(bytes, new TypeReference<>() { });
            Map<String, String> entries = document.get("settings");
            if (entries == null) {
                throw new IOException("no settings");
            }
            return new AuditSettings(entries);
        } catch (IOException | RuntimeException e) {
            throw YolocamException.about(location, "is not an audit's settings file; --exist-ok starts the audit over",
                    e);
        }
    }

    private static void removeOwnFiles(HadoopFiles files, String folder) {
        OWN.forEach(name -> files.delete(OutputFolder.child(folder, name)));
    }
}
