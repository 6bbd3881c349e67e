package dev.yolocam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.cli.Main;
import dev.yolocam.testing.LabelMatching;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The acceptance run, whole: {@code yolocam audit --weights shapes-yolov5n.pt --data shapes-val} over all
 * 60 images at the defaults; its counts against a separate {@code detect} at the same conf; its report in Chromium.
 */
class AuditShapesValTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path dataset;
    private static Path out;
    private static List<AuditRow> rows;

    @BeforeAll
    static void auditTheWholeValidationSet() throws IOException {
        dataset = Oracle.root().getParent().resolve("datasets/shapes-val");
        assumeTrue(Files.isDirectory(dataset.resolve("images")), "skipped: no dataset at " + dataset);
        out = tmp.resolve("audit");
        String err = run("audit", "--weights", Oracle.model("shapes-yolov5n.pt").toString(), "--data",
                dataset.toString(), "--out", out.toString(), "-q");
        rows = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("rows.jsonl"))) {
            rows.add(AuditRows.fromJson(line));
        }
        assertTrue(err.isEmpty(), err);
    }

    private static String run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        assertEquals(0, code, err.toString());
        return err.toString();
    }

    @Test
    void everyImageHasRowsAndTheCountsAgreeWithDetectAtTheSameConf() throws IOException {
        try (Stream<Path> images = Files.list(dataset.resolve("images"))) {
            assertEquals(images.count(), rows.stream().map(AuditRow::image).distinct().count());
        }
        Path detected = tmp.resolve("detect");
        run("detect", "--weights", Oracle.model("shapes-yolov5n.pt").toString(), "--out", detected.toString(), "-q",
                dataset.resolve("images").toString());
        int[] expected = new int[3];
        try (Stream<Path> files = Files.list(detected)) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String stem = json.getFileName().toString().replace(".json", "");
                int[] counted = LabelMatching.count(JSON.readTree(json.toFile()),
                        dataset.resolve("labels").resolve(stem + ".txt"));
                for (int i = 0; i < 3; i++) {
                    expected[i] += counted[i];
                }
            }
        }
        assertEquals(expected[0], count(Outcome.TP), "true positives");
        assertEquals(expected[1], count(Outcome.FP), "false positives");
        assertEquals(expected[2], count(Outcome.MISS), "misses");
        JsonNode summary = JSON.readTree(out.resolve(AuditReport.SUMMARY_FILE).toFile());
        assertEquals(expected[0], summary.get("tp").asInt());
        assertEquals(60, summary.get("images").asInt());
    }

    @Test
    void theReportRendersInChromiumWithSummaryJsonsNumbersAndEveryThumbnail() throws IOException {
        JsonNode summary = JSON.readTree(out.resolve(AuditReport.SUMMARY_FILE).toFile());
        WebDriver browser = HeadlessChromium.open(out.resolve(ReportPage.FILE_NAME), tmp);
        try {
            for (WebElement cell : browser.findElements(By.cssSelector("#totals td[data-key]"))) {
                assertEquals(HeadlessChromium.printed(summary.get(cell.getAttribute("data-key"))), cell.getText());
            }
            List<WebElement> cells = browser.findElements(By.cssSelector("#classes td[data-key]"));
            assertTrue(cells.size() >= 3 * 10, "per-class cells: " + cells.size());
            for (WebElement cell : cells) {
                JsonNode c = summary.get("classes").get(Integer.parseInt(cell.getAttribute("data-class-id")));
                assertEquals(HeadlessChromium.printed(c.get(cell.getAttribute("data-key"))), cell.getText(),
                        c.get("class_name") + " " + cell.getAttribute("data-key"));
            }
            List<Object> loaded = HeadlessChromium.imagesLoaded(browser);
            assertTrue(loaded.size() >= 24, "gallery thumbnails: " + loaded.size());
            assertTrue(loaded.stream().allMatch(Boolean.TRUE::equals), loaded.toString());
        } finally {
            browser.quit();
        }
    }

    private static long count(Outcome outcome) {
        return rows.stream().filter(r -> r.kept() && r.outcome() == outcome).count();
    }

    @AfterAll
    static void forget() {
        rows = null;
    }
}
