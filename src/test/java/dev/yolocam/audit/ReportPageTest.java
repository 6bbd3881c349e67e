package dev.yolocam.audit;

import static dev.yolocam.audit.Rows.fp;
import static dev.yolocam.audit.Rows.miss;
import static dev.yolocam.audit.Rows.tp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.render.Images;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The report page parsed as XML (it is well-formed): escaping, self-containment, tables, galleries. */
class ReportPageTest {
    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'q'.png";
    private static final AuditSettings SETTINGS = new AuditSettings(map("weights", "m.pt", "data", "<d&>"));

    @Test
    void anImageKeyWithMarkupRendersAsTextNotAsElements() throws Exception {
        List<AuditRow> rows = List.of(fp(HOSTILE, 0, 0, "a\"b<c>", 0.9, 0.2), AuditRow.failed(HOSTILE, "<bad>"));
        String html = render(rows, path -> null);
        assertFalse(html.contains("<script"), "a script element in the page");
        Document doc = parse(html);
        assertEquals(0, nodes(doc, "//script").getLength());
        assertEquals(HOSTILE, text(doc, "//div[@data-gallery='false-positives']//h3"));
        assertEquals(HOSTILE, text(doc, "//table[@id='error-rows']//td[1]"));
        assertEquals("<bad>", text(doc, "//table[@id='error-rows']//td[2]"));
        assertEquals("<d&>", text(doc, "//table[@id='settings']//tr[th='data']/td"));
        assertEquals("a\"b<c>", text(doc, "//table[@id='classes']//td[@data-key='class_name']"));
        assertEquals("a\"b<c>", text(doc, "//table[@id='classes']//td[@data-key='class_name']/@data-class"));
    }

    @Test
    void thePageLoadsNothingFromElsewhere() throws Exception {
        String html = render(sample(), path -> png(8, 6));
        Matcher links = Pattern.compile("(?i)\\b(src|href|action|xlink:href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        int sources = 0;
        while (links.find()) {
            sources++;
            assertTrue(links.group(2).startsWith("data:image/png;base64,"), links.group());
        }
        assertTrue(sources > 0, "the sample's thumbnails are embedded");
        assertFalse(html.matches("(?is).*(https?:|url\\(|@import|<link|<script|<iframe).*"), "an external reference");
    }

    @Test
    void thumbnailsAreEmbeddedAsTheirExactBytes() throws Exception {
        byte[] thumb = png(8, 6);
        Map<String, Integer> reads = new HashMap<>();
        Document doc = parse(render(sample(), path -> {
            reads.merge(path, 1, Integer::sum);
            return path.startsWith("thumbs/a.png") ? thumb : null;
        }));
        String src = text(doc, "//div[@data-gallery='worst-tp']/article[1]/img/@src");
        assertArrayEquals(thumb, Base64.getDecoder().decode(src.substring("data:image/png;base64,".length())));
        assertTrue(reads.keySet().stream().allMatch(p -> p.startsWith("thumbs/")), reads.toString());
        assertEquals("thumbnail missing", text(doc, "//div[@data-gallery='misses']/article[1]/div[@class='nomap']"));
    }

    @Test
    void tableCellsHoldTheSummarysNumbersWithFourDecimals() throws Exception {
        AuditSummary summary = AuditSummary.of(SETTINGS, 3, sample());
        Document doc = parse(ReportPage.render(summary, sample(), path -> null));
        ClassSummary circle = summary.classes().get(0);
        String cell = "//table[@id='classes']//td[@data-class-id='0'][@data-key='%s']";
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", circle.ap50()), text(doc, cell.formatted("ap50")));
        assertEquals("0.6667", text(doc, cell.formatted("precision")));
        assertEquals("2", text(doc, cell.formatted("tp")));
        assertEquals(ReportPage.ABSENT, text(doc, cell.formatted("pointing_hit_rate").replace("'0'", "'1'")));
        assertEquals("3", text(doc, "//table[@id='totals']//td[@data-key='images']"));
    }

    @Test
    void histogramsHaveTenBarsWithTheClassCounts() throws Exception {
        Document doc = parse(render(sample(), path -> null));
        NodeList bars = nodes(doc, "//figure[@data-class-id='0']//*[local-name()='rect']");
        assertEquals(10, bars.getLength());
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < bars.getLength(); i++) {
            counts.add(Integer.parseInt(bars.item(i).getAttributes().getNamedItem("data-count").getNodeValue()));
        }
        assertEquals(AuditSummary.of(SETTINGS, 3, sample()).classes().get(0).ownBoxMassHistogram(), counts);
    }

    @Test
    void galleriesOrderTheirCardsAndStopAt24() throws Exception {
        List<AuditRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(fp("f" + i + ".png", 0, 0, "c", 0.3 + i / 100.0, 0.5));
            rows.add(tp("t" + i + ".png", 0, 0, "c", 0.9, (i * 7 % 30) / 30.0, true));
        }
        Document doc = parse(render(rows, path -> null));
        NodeList fps = nodes(doc, "//div[@data-gallery='false-positives']/article/h3");
        assertEquals(ReportPage.GALLERY_SIZE, fps.getLength());
        assertEquals("f29.png", fps.item(0).getTextContent());
        assertEquals("f6.png", fps.item(23).getTextContent());
        NodeList tps = nodes(doc, "//div[@data-gallery='worst-tp']/article/h3");
        assertEquals(ReportPage.GALLERY_SIZE, tps.getLength());
        assertEquals("t0.png", tps.item(0).getTextContent());
    }

    @Test
    void aMissCardSaysWhyAndWhichClassWon() throws Exception {
        AuditRow m = miss("m.png", 0, 0, "circle", "wrong_class");
        AuditRow wrongClass = new AuditRow(m.image(), m.index(), m.outcome(), m.kept(), m.classId(), m.className(),
                m.confidence(), m.x1(), m.y1(), m.x2(), m.y2(), m.labelX1(), m.labelY1(), m.labelX2(), m.labelY2(),
                m.iou(), m.missReason(), 1, m.ownBoxMass(), m.otherBoxMass(), m.pointingHit(), m.pointingEnergy(),
                m.map(), m.thumbnail(), null, 64, 48);
        List<AuditRow> rows = List.of(wrongClass, fp("m.png", 0, 1, "square", 0.8, 0.3));
        Document doc = parse(render(rows, path -> null));
        assertEquals("wrong_class (square won)",
                text(doc, "//div[@data-gallery='misses']/article[1]//tr[th='reason']/td"));
    }

    /** Circles: 2 TPs, 1 FP, 1 miss over three images; squares: one FP, no labels. */
    static List<AuditRow> sample() {
        return List.of(
                tp("a.png", 0, 0, "circle", 0.91, 0.35, true),
                tp("b.png", 0, 0, "circle", 0.62, 0.92, false),
                fp("b.png", 1, 0, "circle", 0.55, 0.05),
                miss("c.png", 0, 0, "circle", "below_conf"),
                fp("c.png", 1, 1, "square", 0.4, 0.7));
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        return Images.png(image);
    }

    private static String render(List<AuditRow> rows, ThumbnailSource thumbnails) {
        return ReportPage.render(AuditSummary.of(SETTINGS, 3, rows), rows, thumbnails);
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static NodeList nodes(Document doc, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    }

    private static String text(Document doc, String xpath) throws Exception {
        assertEquals(1, nodes(doc, xpath).getLength(), xpath);
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }
}
