package dev.yolocam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder remembers its audit's settings; other settings are refused; --exist-ok removes only its files. */
class AuditFolderTest {
    @TempDir
    Path tmp;

    private static final AuditSettings CONF_25 = new AuditSettings(Map.of("conf", "0.25"));
    private static final AuditSettings CONF_50 = new AuditSettings(Map.of("conf", "0.5"));

    @Test
    void theSameSettingsContinueOtherSettingsAreRefusedNamingTheDifference() throws IOException {
        Path out = tmp.resolve("out");
        AuditFolder.claim(out, CONF_25, false);
        Files.writeString(out.resolve(AuditJournal.FILE), "kept\n");
        AuditFolder.claim(out, CONF_25, false);
        assertTrue(Files.exists(out.resolve(AuditJournal.FILE)), "continued: the journal stays");

        UsageException e = assertThrows(UsageException.class, () -> AuditFolder.claim(out, CONF_50, false));
        assertTrue(e.getMessage().contains("conf: 0.25 -> 0.5"), e.getMessage());
    }

    @Test
    void existOkRemovesTheEarlierAuditsFilesAndNothingElse() throws IOException {
        Path out = tmp.resolve("out");
        AuditFolder.claim(out, CONF_25, false);
        Files.writeString(out.resolve(AuditJournal.FILE), "x\n");
        Files.createDirectories(out.resolve("maps/a_png"));
        Files.writeString(out.resolve("maps/a_png/det0.png"), "x");
        Files.writeString(out.resolve("notes.txt"), "mine");

        AuditFolder.claim(out, CONF_50, true);

        assertFalse(Files.exists(out.resolve(AuditJournal.FILE)));
        assertFalse(Files.exists(out.resolve("maps")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.readString(out.resolve(AuditFolder.SETTINGS)).contains("0.5"));
    }

    @Test
    void aFolderWithOtherContentIsRefusedAndTemporaryFilesOfAKilledRunAreRemoved() throws IOException {
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("x.txt"), "x");
        assertThrows(UsageException.class, () -> AuditFolder.claim(other, CONF_25, false));

        Path out = tmp.resolve("out");
        AuditFolder.claim(out, CONF_25, false);
        Path part = out.resolve("maps/a_png/.det0.png.1f2e.part");
        Files.createDirectories(part.getParent());
        Files.writeString(part, "half");
        AuditFolder.claim(out, CONF_25, false);
        assertFalse(Files.exists(part));
    }
}
