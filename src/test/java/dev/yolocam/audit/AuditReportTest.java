package dev.yolocam.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditReportTest {
    @TempDir
    Path folder;

    @Test
    void writesSummaryJsonAndReportHtmlIntoTheFolderAndNothingElse() throws Exception {
        LocalReportFiles files = new LocalReportFiles(folder);
        files.write("thumbs/a.png-0.png", ReportPageTest.png(4, 4));
        AuditSummary written = AuditReport.write(files, new AuditSettings(Map.of("conf", "0.25")), 3,
                ReportPageTest.sample());

        JsonNode json = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        assertEquals(new ObjectMapper().valueToTree(written.toJson()), json);
        assertEquals("0.25", json.get("settings").get("conf").asText());
        assertTrue(json.get("classes").get(1).get("recall").isNull(), "a class without labels has no recall");
        String html = Files.readString(folder.resolve("report.html"), StandardCharsets.UTF_8);
        assertEquals(ReportPage.render(written, ReportPageTest.sample(), files), html);
        assertTrue(html.contains("data:image/png;base64,"), "the one thumbnail present is embedded");
        try (Stream<Path> all = Files.list(folder)) {
            assertEquals(List.of("report.html", "summary.json", "thumbs"),
                    all.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void localFilesReadNullForAnAbsentFileOrAPathOutsideTheFolder() throws Exception {
        Files.writeString(folder.resolve("outside.png"), "secret");
        LocalReportFiles files = new LocalReportFiles(folder.resolve("audit"));
        assertNull(files.read("thumbs/none.png"));
        assertNull(files.read("../outside.png"));
        assertNull(files.read(""));
        files.write("thumbs/x.png", new byte[]{1, 2, 3});
        assertArrayEquals(new byte[]{1, 2, 3}, files.read("thumbs/x.png"));
        assertArrayEquals(new byte[]{1, 2, 3}, files.read("thumbs/../thumbs/x.png"));
    }

    @Test
    void localFilesRefuseToWriteOutsideTheFolder() {
        LocalReportFiles files = new LocalReportFiles(folder.resolve("audit"));
        assertThrows(IllegalArgumentException.class, () -> files.write("../escaped.html", new byte[1]));
        assertTrue(Files.notExists(folder.resolve("escaped.html")));
    }
}
