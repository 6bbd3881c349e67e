package dev.yolocam.audit;

import static dev.yolocam.audit.Rows.fp;
import static dev.yolocam.audit.Rows.miss;
import static dev.yolocam.audit.Rows.tp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The audit report as a person sees it: written by {@link AuditReport} from a handful of rows with real PNG
 * thumbnails, opened from disk in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver}).
 * Skipped with a message where they are not installed, except under CI, which must have them ({@code .ci/run}
 * installs them).
 */
class ReportPageBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    private static WebDriver browser;
    private static JsonNode summary;
    private static int thumbnails;

    @BeforeAll
    static void openTheReportInChromium() throws IOException {
        List<AuditRow> rows = rows();
        LocalReportFiles files = new LocalReportFiles(folder);
        for (AuditRow row : rows) {
            if (row.thumbnail() != null && row.outcome() != Outcome.MISS) {
                files.write(row.thumbnail(), ReportPageTest.png(40 + 8 * thumbnails, 30));
                thumbnails++;
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("weights", "shapes <n>.pt");
        settings.put("conf", "0.25");
        AuditReport.write(files, new AuditSettings(settings), 5, rows);
        summary = JSON.readTree(folder.resolve(AuditReport.SUMMARY_FILE).toFile());

        browser = HeadlessChromium.open(folder.resolve(ReportPage.FILE_NAME), folder);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePageRendersWithItsTitleAndTables() {
        assertEquals("yolocam audit", browser.getTitle());
        for (String table : List.of("settings", "totals", "classes", "error-rows")) {
            WebElement element = browser.findElement(By.id(table));
            assertTrue(element.isDisplayed() && element.getSize().getHeight() > 0, table);
        }
        assertEquals("shapes <n>.pt", browser.findElement(By.cssSelector("#settings td")).getText());
        assertEquals("<img src=x onerror=alert(1)>", browser.findElement(By.cssSelector("#error-rows td")).getText());
        assertEquals(0L, script("return document.scripts.length;"));
    }

    @Test
    void everyPerClassCellHoldsSummaryJsonsNumber() {
        List<WebElement> cells = browser.findElements(By.cssSelector("#classes td[data-key]"));
        Set<String> checked = new HashSet<>();
        for (WebElement cell : cells) {
            JsonNode c = classNode(cell.getAttribute("data-class-id"));
            String key = cell.getAttribute("data-key");
            assertTrue(c.has(key), key);
            assertEquals(HeadlessChromium.printed(c.get(key)), cell.getText(), c.get("class_name") + " " + key);
            checked.add(c.get("class_id").asText() + "/" + key);
        }
        Set<String> expected = new HashSet<>();
        for (JsonNode c : summary.get("classes")) {
            for (Iterator<String> keys = c.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.equals("class_id") && !key.equals("own_box_mass_histogram")) {
                    expected.add(c.get("class_id").asText() + "/" + key);
                }
            }
        }
        assertEquals(expected, checked);
        assertEquals(3, summary.get("classes").size());
    }

    @Test
    void everyOverallNumberMatchesSummaryJson() {
        List<WebElement> cells = browser.findElements(By.cssSelector("#totals td[data-key]"));
        assertEquals(9, cells.size());
        for (WebElement cell : cells) {
            String key = cell.getAttribute("data-key");
            assertEquals(HeadlessChromium.printed(summary.get(key)), cell.getText(), key);
        }
    }

    @Test
    void everyImageHasLoaded() {
        List<Object> loaded = HeadlessChromium.imagesLoaded(browser);
        assertEquals(thumbnails, loaded.size());
        assertTrue(loaded.stream().allMatch(Boolean.TRUE::equals), loaded.toString());
    }

    @Test
    void eachClassHasAnSvgHistogramWithItsCounts() {
        List<WebElement> charts = browser.findElements(By.cssSelector("figure[data-class-id] svg.histogram"));
        assertEquals(summary.get("classes").size(), charts.size());
        for (WebElement chart : charts) {
            assertTrue(chart.getSize().getWidth() > 100 && chart.getSize().getHeight() > 50, "drawn");
            WebElement figure = chart.findElement(By.xpath(".."));
            JsonNode histogram = classNode(figure.getAttribute("data-class-id")).get("own_box_mass_histogram");
            List<Integer> counts = new ArrayList<>();
            for (WebElement bar : chart.findElements(By.cssSelector("rect.bar"))) {
                counts.add(Integer.parseInt(bar.getAttribute("data-count")));
            }
            List<Integer> expected = new ArrayList<>();
            histogram.forEach(n -> expected.add(n.asInt()));
            assertEquals(expected, counts);
        }
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private static JsonNode classNode(String classId) {
        for (JsonNode c : summary.get("classes")) {
            if (c.get("class_id").asText().equals(classId)) {
                return c;
            }
        }
        throw new AssertionError("no class " + classId + " in summary.json");
    }

    /** Circles found well and badly, squares only as false positives, triangles only missed, one broken image. */
    private static List<AuditRow> rows() {
        return List.of(
                tp("a.png", 0, 0, "circle", 0.91, 0.35, true),
                tp("b.png", 0, 0, "circle", 0.62, 0.92, false),
                tp("d & e.png", 0, 0, "circle", 0.83, 0.97, true),
                fp("b.png", 1, 0, "circle", 0.55, 0.05),
                miss("c.png", 0, 0, "circle", "below_conf"),
                fp("c.png", 1, 1, "square", 0.4, 0.7),
                miss("c.png", 2, 2, "triangle", "no_candidate"),
                Rows.below("c.png", 3, Outcome.TP, 0, "circle", 0.1),
                AuditRow.failed("<img src=x onerror=alert(1)>", "not an image"));
    }
}
