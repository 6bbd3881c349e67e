package dev.yolocam.audit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven headless by its {@code chromedriver}, for the report's browser tests. Skips the
 * test with a message where they are not installed, except under CI, which must have them ({@code .ci/run} installs
 * them).
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A browser showing {@code page} (opened from disk), with a fresh profile under {@code scratch}. */
    static WebDriver open(Path page, Path scratch) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            fail("CI must have " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        }
        assumeTrue(installed, "skipped: the report's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)");
        // The driver's path is given, so Selenium Manager never looks for (or downloads) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(scratch, "chromium-profile"));
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.get(page.toUri().toString());
        return browser;
    }

    /** Whether each {@code <img>} of the page has loaded, in page order. */
    @SuppressWarnings("unchecked")
    static List<Object> imagesLoaded(WebDriver browser) {
        return (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.images).map(i => i.complete && i.naturalWidth > 0);");
    }

    /** How the page prints a summary.json value: integers and text as they are, fractions with 4 decimals. */
    static String printed(com.fasterxml.jackson.databind.JsonNode value) {
        if (value.isNull()) {
            return ReportPage.ABSENT;
        }
        if (value.isIntegralNumber() || value.isTextual()) {
            return value.asText();
        }
        return String.format(Locale.ROOT, "%.4f", value.asDouble());
    }
}
