package dev.yolocam.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The sweep page: content, escaping, links, and an atomic write. The page is parsed as XML to check it. */
class SweepPageTest {
    private static final String HOSTILE = "model.<script>alert('x')</script>.\"cv1\" & co";

    @TempDir
    Path dir;

    @Test
    void showsTheGridAndOneCardPerLayerWithEscapedText() throws Exception {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("confidence drop", 0.123456);
        metrics.put("area < 50%", 3.0);
        List<SweepEntry> entries = List.of(
                new SweepEntry(HOSTILE, "Conv<2d>", "1x64x80x80", "maps/01 model#1?.png", metrics, null),
                new SweepEntry("model.23.m.2", "Conv2d", "1x255x20x20", "maps/02.png", Map.of(), null));
        Path page = SweepPage.write(dir, "Sweep of <b>bus.jpg</b>", entries, "grid.png");

        assertEquals(dir.resolve("index.html"), page);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertFalse(html.contains("<script"), "no raw script tag");
        assertFalse(html.contains("<b>"), "title escaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "layer path escaped");

        Document doc = parse(html);
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertEquals("Sweep of <b>bus.jpg</b>", xpath.evaluate("/html/head/title", doc));
        assertEquals("grid.png", xpath.evaluate("//figure[@class='overview']//img/@src", doc));
        NodeList cards = (NodeList) xpath.evaluate("//article[@class='card']", doc, XPathConstants.NODESET);
        assertEquals(2, cards.getLength());
        Element first = (Element) cards.item(0);
        assertEquals(HOSTILE, xpath.evaluate("h2", first));
        assertEquals(HOSTILE, xpath.evaluate(".//img/@alt", first));
        assertEquals("Conv<2d>", xpath.evaluate("p[@class='meta']/span[1]", first));
        assertEquals("1x64x80x80", xpath.evaluate("p[@class='meta']/span[2]", first));
        assertEquals("maps/01%20model%231%3F.png", xpath.evaluate(".//img/@src", first), "file name as a URL");
        assertEquals("confidence drop", xpath.evaluate("table/tbody/tr[1]/th", first));
        assertEquals("0.1235", xpath.evaluate("table/tbody/tr[1]/td", first));
        assertEquals("area < 50%", xpath.evaluate("table/tbody/tr[2]/th", first));
        assertEquals("3", xpath.evaluate("table/tbody/tr[2]/td", first));
        assertEquals("0", xpath.evaluate("count(table)", (Element) cards.item(1)), "no metrics, no table");
    }

    @Test
    void everyThumbnailOpensItsOwnLightboxWithTheFullSizeImage() throws Exception {
        List<SweepEntry> entries = List.of(entry("a", "a.png"), entry("b", "b.png"), entry("c", "c.png"));
        Document doc = parse(SweepPage.render("t", entries, null));
        XPath xpath = XPathFactory.newInstance().newXPath();
        Set<String> ids = new HashSet<>();
        NodeList all = (NodeList) xpath.evaluate("//*[@id]", doc, XPathConstants.NODESET);
        for (int i = 0; i < all.getLength(); i++) {
            assertTrue(ids.add(((Element) all.item(i)).getAttribute("id")), "ids are unique");
        }
        for (int i = 1; i <= 3; i++) {
            String target = xpath.evaluate("//article[" + i + "]/a[@class='thumb']/@href", doc);
            assertTrue(target.startsWith("#"), target);
            Element box = (Element) xpath.evaluate("//*[@id='" + target.substring(1) + "']", doc, XPathConstants.NODE);
            assertNotNull(box, "lightbox for card " + i);
            assertEquals("lightbox", box.getAttribute("class"));
            assertEquals(xpath.evaluate("//article[" + i + "]//img/@src", doc), xpath.evaluate(".//img/@src", box));
        }
        assertEquals("0", xpath.evaluate("count(//figure)", doc), "no grid file, no overview");
    }

    @Test
    void theRecommendedLayerIsOutlinedNamedInTheSummaryAndEveryRankedCardShowsItsPlace() throws Exception {
        List<SweepEntry> entries = List.of(
                new SweepEntry("model.4", "C3", "1x64x40x40", "a.png", Map.of(), new SweepEntry.Rank(2, 0.5)),
                new SweepEntry("model.<9>", "SPPF", "1x256x10x10", "b.png", Map.of(), new SweepEntry.Rank(1, 0.75)),
                new SweepEntry("model.17", "C3", "1x64x40x40", "c.png", Map.of(), null));
        Document doc = parse(SweepPage.render("t", entries, null));
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList recommended = (NodeList) xpath.evaluate("//article[@class='card recommended']", doc,
                XPathConstants.NODESET);
        assertEquals(1, recommended.getLength());
        assertEquals("model.<9>", xpath.evaluate("h2", recommended.item(0)));
        assertEquals("recommended, score 0.7500", xpath.evaluate(".//span[@class='tag rank']", recommended.item(0)));
        assertEquals("#layer-2", xpath.evaluate("//p[@class='summary']/a/@href", doc));
        assertEquals("model.<9>", xpath.evaluate("//p[@class='summary']/a", doc));
        assertTrue(xpath.evaluate("//p[@class='summary']", doc).contains("faithfulness score 0.7500"));
        assertEquals("rank 2, score 0.5000", xpath.evaluate("//article[@id='layer-1']//span[@class='tag rank']",
                doc));
        assertEquals("0", xpath.evaluate("count(//article[@id='layer-3']//span[@class='tag rank'])", doc));
    }

    @Test
    void anUnrankedPageRecommendsNothing() throws Exception {
        Document doc = parse(SweepPage.render("t", List.of(entry("a", "a.png")), null));
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertEquals("1 layer", xpath.evaluate("//p[@class='summary']", doc));
        assertEquals("0", xpath.evaluate("count(//*[contains(@class, 'recommended')])", doc));
    }

    @Test
    void isSelfContained() {
        String html = SweepPage.render("t", List.of(entry("a", "a.png")), "grid.png");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("//"), "no external resources");
        assertFalse(html.contains("<link"));
    }

    @Test
    void writesAtomicallyAndReplacesAnOlderPage() throws IOException {
        Files.writeString(dir.resolve("index.html"), "old");
        SweepPage.write(dir, "new", List.of(entry("a", "a.png")), "grid.png");
        assertTrue(Files.readString(dir.resolve("index.html")).contains("<h1>new</h1>"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("index.html")), files.toList(), "no temporary .part file left");
        }
    }

    @Test
    void entriesCopyTheirMetricsInOrder() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("z", 1.0);
        metrics.put("a", 2.0);
        SweepEntry entry = new SweepEntry("p", "C", "s", "f.png", metrics, null);
        metrics.put("m", 3.0);
        assertEquals(List.of("z", "a"), List.copyOf(entry.metrics().keySet()));
    }

    @Test
    void numbersAreFormattedForReading() {
        assertEquals("3", SweepPage.format(3.0));
        assertEquals("-12", SweepPage.format(-12.0));
        assertEquals("0.1235", SweepPage.format(0.123456));
        assertEquals("1.500e-07", SweepPage.format(1.5e-7));
        assertEquals("1.235e+05", SweepPage.format(123456.5));
        assertEquals("NaN", SweepPage.format(Double.NaN));
        assertEquals("Infinity", SweepPage.format(Double.POSITIVE_INFINITY));
    }

    /** Whatever the text, escaping it and reading the markup back gives the same text. */
    @Property(tries = 300)
    void escapedTextReadsBackUnchanged(@ForAll @AlphaChars @NumericChars
            @Chars({' ', '\t', '\n', '<', '>', '&', '"', '\'', ';', '#', '/', '=', '\u00e9', '\u2026'}) String text)
            throws Exception {
        Document doc = parse("<p title=\"" + Html.escape(text) + "\">" + Html.escape(text) + "</p>");
        assertEquals(text, doc.getDocumentElement().getTextContent());
        assertEquals(text.replace('\t', ' ').replace('\n', ' '), doc.getDocumentElement().getAttribute("title"),
                "attribute, whose tabs and newlines XML reads as spaces");
    }

    @Test
    void controlCharactersHtmlForbidsAreReplaced() {
        assertEquals("a\uFFFDb\tc\nd\uFFFD", Html.escape("a\u0000b\tc\nd\u001b"));
    }

    @Test
    void fileNamesBecomeUrlPaths() {
        assertEquals("maps/a%20b%23c%3Fd%3Ae.png", Html.url("maps/a b#c?d:e.png"));
        assertEquals("caf%C3%A9-1_2~x.png", Html.url("caf\u00e9-1_2~x.png"));
    }

    private static SweepEntry entry(String path, String file) {
        return new SweepEntry(path, "Conv2d", "1x16x8x8", file, Map.of("score", 0.5), null);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
