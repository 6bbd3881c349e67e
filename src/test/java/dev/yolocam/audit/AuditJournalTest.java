package dev.yolocam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local engine's journal: what it remembers across runs, and a torn last line. */
class AuditJournalTest {
    @TempDir
    Path tmp;

    private static ImageAudit audit(String key) {
        AuditRow row = new AuditRow(key, 0, Outcome.TP, true, 1, "square", 0.9, 1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0,
                4.5, 0.8, null, null, 0.7, 0.1, true, 0.6, "maps/" + key + "/det0.npy", "maps/" + key + "/det0.png",
                null, 320, 320);
        return new ImageAudit(key, List.of(row, AuditRow.failed(key, "x")), List.of());
    }

    @Test
    void finishedImagesAreRememberedWithTheirRowsAcrossOpenings() {
        try (AuditJournal journal = AuditJournal.open(tmp)) {
            journal.append(audit("a.png"));
            journal.append(audit("b.png"));
        }
        try (AuditJournal journal = AuditJournal.open(tmp)) {
            assertEquals(List.of("a.png", "b.png"), List.copyOf(journal.done().keySet()));
            assertEquals(audit("b.png").rows(), journal.done().get("b.png"));
        }
    }

    @Test
    void aTornLastLineIsCutOffAndTheNextAppendFollowsTheLastCompleteOne() throws IOException {
        try (AuditJournal journal = AuditJournal.open(tmp)) {
            journal.append(audit("a.png"));
        }
        Path file = tmp.resolve(AuditJournal.FILE);
        String whole = AuditRows.toJson(audit("b.png").rows().get(0));
        Files.write(file, ("{\"image\":\"b.png\",\"rows\":[" + whole.substring(0, 40)).getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        try (AuditJournal journal = AuditJournal.open(tmp)) {
            assertEquals(List.of("a.png"), List.copyOf(journal.done().keySet()));
            journal.append(audit("c.png"));
        }
        try (AuditJournal journal = AuditJournal.open(tmp)) {
            assertEquals(List.of("a.png", "c.png"), List.copyOf(journal.done().keySet()));
        }
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void aDamagedCompleteLineIsOneLineSayingHowToStartOver() throws IOException {
        Files.writeString(tmp.resolve(AuditJournal.FILE), "{\"image\":\"a.png\",\"rows\":[]}\nnot json\n");
        YolocamException e = assertThrows(YolocamException.class, () -> AuditJournal.open(tmp));
        assertTrue(e.getMessage().contains("--exist-ok"), e.getMessage());
    }
}
