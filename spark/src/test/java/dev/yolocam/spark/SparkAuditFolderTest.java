package dev.yolocam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.audit.AuditSettings;
import dev.yolocam.errors.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkAuditFolderTest {
    private static final AuditSettings SETTINGS = new AuditSettings(Map.of("weights_sha256", "ab", "conf", "0.25"));
    private static final AuditSettings OTHER = new AuditSettings(Map.of("weights_sha256", "ab", "conf", "0.5"));
    private final HadoopFiles files = new HadoopFiles(new Configuration());

    @TempDir
    Path dir;

    @Test
    void theSameSettingsMayRedoTheAuditInItsFolder() {
        String out = dir.resolve("out").toString();
        SparkAuditFolder.claim(files, out, SETTINGS, false);
        assertTrue(Files.isRegularFile(dir.resolve("out/audit.json")));
        SparkAuditFolder.claim(files, out, SETTINGS, false);
    }

    @Test
    void otherSettingsAreRefusedWithWhatDiffers() {
        String out = dir.resolve("out").toString();
        SparkAuditFolder.claim(files, out, SETTINGS, false);
        UsageException e = assertThrows(UsageException.class, () -> SparkAuditFolder.claim(files, out, OTHER, false));
        assertTrue(e.getMessage().contains("conf: 0.25 -> 0.5"), e.getMessage());
        assertTrue(e.getMessage().contains("--exist-ok"), e.getMessage());
    }

    @Test
    void existOkRemovesOnlyTheEarlierAuditsFiles() throws IOException {
        Path out = dir.resolve("out");
        SparkAuditFolder.claim(files, out.toString(), SETTINGS, false);
        Files.createDirectories(out.resolve("rows"));
        Files.writeString(out.resolve("rows/part-00000.parquet"), "rows");
        Files.createDirectories(out.resolve("maps/a.png"));
        Files.writeString(out.resolve("maps/a.png/det0.png"), "thumbnail");
        Files.writeString(out.resolve("notes.txt"), "the user's");
        SparkAuditFolder.claim(files, out.toString(), OTHER, true);
        assertFalse(Files.exists(out.resolve("rows")));
        assertFalse(Files.exists(out.resolve("maps")));
        assertEquals("the user's", Files.readString(out.resolve("notes.txt")));
        SparkAuditFolder.claim(files, out.toString(), OTHER, false);
    }

    @Test
    void aFolderWithOtherFilesAndNoAuditIsRefused() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "the user's");
        UsageException e = assertThrows(UsageException.class,
                () -> SparkAuditFolder.claim(files, dir.toString(), SETTINGS, false));
        assertTrue(e.getMessage().contains("is not empty and holds no audit"), e.getMessage());
    }
}
