package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --rank} and {@code explain --layer best} as a user runs them. */
class LayerRankCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANKED = Pattern.compile("^  (\\d)\\. (\\S+) +score (-?\\d+\\.\\d+) .*$",
            Pattern.MULTILINE);

    @TempDir
    Path temp;

    private static String image(int i) {
        return Oracle.testdata().resolve(String.format(Locale.ROOT, "default/images/test_%04d.png", i)).toString();
    }

    @Test
    void sweepRankPrintsTheBestThreeAndThePageMarksTheWinner() throws IOException {
        Path out = temp.resolve("sweep");
        Cli.Result r = Cli.run("sweep", "--imgsz", "320", "--layers", "model.2?", "--rank", "--out", out.toString(),
                "-q", image(2));
        assertEquals(0, r.exitCode(), r.err());
        List<Ranked> ranked = ranked(r.out());
        assertEquals(3, ranked.size(), r.out());
        assertTrue(r.out().startsWith("test_0002: the best 3 of 4 layers by faithfulness score"), r.out());
        assertTrue(ranked.get(0).score() >= ranked.get(1).score() && ranked.get(1).score() >= ranked.get(2).score(),
                r.out());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("recommended: <a href=\"#layer-"), html);
        Matcher card = Pattern.compile("<article class=\"card recommended\" id=\"layer-\\d+\">\\n[^\\n]*\\n<h2>([^<]+)"
                + "</h2>").matcher(html);
        assertTrue(card.find(), html);
        assertEquals(ranked.get(0).layer(), card.group(1));
    }

    @Test
    void sweepRankOverSeveralPicturesAlsoRanksOverAllOfThem() {
        Cli.Result r = Cli.run("sweep", "--imgsz", "320", "--layers", "model.2?", "--rank", "--metrics", "none",
                "--out", temp.resolve("sweep").toString(), "-q", image(1), image(2));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("test_0001: the best 3 of 4 layers"), r.out());
        assertTrue(r.out().contains("test_0002: the best 3 of 4 layers"), r.out());
        assertTrue(r.out().contains("all 2 pictures with detections: the best 3 of 4 layers"), r.out());
        assertEquals(9, ranked(r.out()).size(), r.out());
    }

    @Test
    void sweepWithoutRankPrintsNoRankingAndRecommendsNothing() throws IOException {
        Path out = temp.resolve("sweep");
        Cli.Result r = Cli.run("sweep", "--imgsz", "320", "--layers", "model.23", "--out", out.toString(), "-q",
                image(2));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(!Files.readString(out.resolve("index.html")).contains("class=\"card recommended\""));
    }

    @Test
    void explainLayerBestUsesTheLayerSweepRankPutsFirst() throws IOException {
        // Every top-level block is ranked: 160 pixels keep the 2 x 24 x 32 forward passes of the curves cheap.
        Cli.Result sweep = Cli.run("sweep", "--imgsz", "160", "--rank", "--metrics", "none", "--out",
                temp.resolve("sweep").toString(), "-q", image(2));
        assertEquals(0, sweep.exitCode(), sweep.err());
        String winner = ranked(sweep.out()).get(0).layer();

        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--imgsz", "160", "--layer", "best", "--save", "json", "--out",
                out.toString(), image(2), image(1));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("yolocam: --layer best: " + winner + " (faithfulness score "), r.err());
        assertTrue(r.err().contains("layers on test_0002)"), "ranked on the first picture: " + r.err());
        for (String stem : List.of("test_0001", "test_0002")) {
            JsonNode cam = JSON.readTree(out.resolve(stem + ".json").toFile()).path("cams").get(0);
            assertEquals(winner, cam.path("layers").get(0).asText(), stem);
            assertEquals(1, cam.path("layers").size(), stem);
        }
    }

    @Test
    void layerBestIsRefusedInOneLineWhereItMakesNoSense() {
        String out = temp.resolve("exp").toString();
        for (String[] args : List.of(
                new String[] {"explain", "--layer", "best", "--layer", "17", "--out", out, image(2)},
                new String[] {"explain", "--layer", "best", "--method", "FullGrad", "--out", out, image(2)},
                new String[] {"bench", "--random", "yolov5n", "--imgsz", "64", "--runs", "1", "--warmup", "0",
                    "--method", "GradCAM", "--layer", "best", "-q"})) {
            Cli.Result r = Cli.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("yolocam: --layer best"), r.err());
            assertTrue(Files.notExists(temp.resolve("exp")), "nothing written");
        }
    }

    @Test
    void layerBestOnAFirstPictureWithoutDetectionsIsOneLine() {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--imgsz", "160", "--conf", "0.999", "--layer", "best", "--out",
                out.toString(), image(2));
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("test_0002.png: --layer best ranks the layers on this first picture, which has "
                + "no detections"), r.err());
        assertTrue(Files.notExists(out), "nothing written");
    }

    private record Ranked(String layer, double score) {
    }

    private static List<Ranked> ranked(String out) {
        Matcher m = RANKED.matcher(out);
        List<Ranked> ranked = new java.util.ArrayList<>();
        while (m.find()) {
            ranked.add(new Ranked(m.group(2), Double.parseDouble(m.group(3))));
        }
        return ranked;
    }
}
