package dev.yolocam.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.yolocam.errors.UsageException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.AtomicFiles;
import dev.yolocam.io.OsReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local engine's output folder: it remembers the settings it was started with ({@code audit.json}); a run with
 * the same settings continues there, one with other settings is refused unless {@code --exist-ok}, which removes the
 * earlier audit's files (only those) and starts over. Temporary files a killed run left behind are removed.
 */
final class AuditFolder {
    static final String SETTINGS = "audit.json";
    /** Every file and folder an audit writes; --exist-ok removes these and nothing else. */
    private static final List<String> OWN = List.of(SETTINGS, AuditJournal.FILE, LocalAuditEngine.ROWS,
            AuditReport.SUMMARY_FILE, ReportPage.FILE_NAME, "maps");

    private AuditFolder() {
    }

    /** Claims {@code folder} for an audit with {@code settings}: new, continued, or (existOk) started over. */
    static void claim(Path folder, AuditSettings settings, boolean existOk) {
        Path file = folder.resolve(SETTINGS);
        try {
            if (Files.isRegularFile(file)) {
                AuditSettings earlier = read(file);
                List<String> differences = settings.differences(earlier);
                if (!differences.isEmpty()) {
                    if (!existOk) {
                        throw new UsageException(folder + " holds an audit made with other settings ("
                                + String.join("; ", differences) + "); --exist-ok starts it over, or choose another "
                                + "--out");
                    }
                    removeOwnFiles(folder);
                }
            } else if (Files.isDirectory(folder) && !isEmpty(folder)) {
                if (!existOk) {
                    throw new UsageException(folder + " is not empty and holds no audit; --exist-ok writes the audit "
                            + "into it anyway, or choose another --out");
                }
                removeOwnFiles(folder);
            }
            Files.createDirectories(folder);
            removeLeftovers(folder);
            if (!Files.isRegularFile(file)) {
                AtomicFiles.write(file, out -> AuditRows.mapper().writerWithDefaultPrettyPrinter()
                        .writeValue(out, Map.of("settings", settings.entries())));
            }
        } catch (IOException e) {
            throw new YolocamException(folder, "cannot prepare the audit folder: " + OsReason.of(e, folder), e);
        }
    }

    private static AuditSettings read(Path file) {
        try {
            Map<String, Map<String, String>> document = AuditRows.mapper().readValue(file.toFile(),
                    new TypeReference<>() { });
            Map<String, String> entries = document.get("settings");
            if (entries == null) {
                throw new IOException("no settings");
            }
            return new AuditSettings(entries);
        } catch (IOException | RuntimeException e) {
            throw new YolocamException(file, "is not an audit's settings file; --exist-ok starts the audit over", e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void removeOwnFiles(Path folder) throws IOException {
        for (String name : OWN) {
            deleteTree(folder.resolve(name));
        }
    }

    /** Hidden {@code .<name>.<random>.part} files of writes a killed run did not finish. */
    private static void removeLeftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".part")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
