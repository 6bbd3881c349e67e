package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static dev.yolocam.cam.MapComparison.correlation;

import dev.yolocam.cam.CamMethods;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.io.NpyFile;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yolocam explain} and {@code sweep} as a user runs them: files, JSON, exit codes, error lines. */
class ExplainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String shapesModel() {
        return Oracle.model("shapes-yolov5n.pt").toString();
    }

    @Test
    void camNpyMatchesUpstreamGradCamOnLayerMinus2() throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--weights", shapesModel(), "--imgsz", "320", "--method", "GradCAM",
                "--layer", "-2", "--save", "npy,json", "--out", out.toString(), "-q",
                Oracle.image("shapes/test_0001.png").toString());
        assertEquals(0, r.exitCode(), r.err());
        float[] ours = NpyFile.read(out.resolve("test_0001_cam.npy")).data();
        float[] upstream = NpyFile.read(Oracle.caseDir("shapes_a_320").resolve("cam__GradCAM__Lm2__T1.npy")).data();
        assertTrue(correlation(ours, upstream) >= 0.999, "correlation " + correlation(ours, upstream));
        JsonNode doc = JSON.readTree(out.resolve("test_0001.json").toFile());
        JsonNode cam = doc.path("cams").get(0);
        assertEquals("GradCAM", cam.path("method").asText());
        assertEquals("model.23", cam.path("layers").get(0).asText());
        assertEquals(6, doc.path("detections").size());
        assertTrue(cam.path("metrics").has("confidence_change"));
        assertTrue(cam.path("max").asDouble() > 0.99 && cam.path("min").asDouble() >= 0);
    }

    @Test
    void defaultOutputsAndPerDetectionPanels() throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--weights", shapesModel(), "--imgsz", "320", "--per-detection",
                "--layer", "17", "--layer", "20", "--layer", "23", "--save", "overlay,boxes,json",
                "--out", out.toString(), "-q", Oracle.image("shapes/test_0002.png").toString());
        assertEquals(0, r.exitCode(), r.err());
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.containsAll(List.of("test_0002.json", "test_0002_det0_circle_cam.png",
                    "test_0002_det0_circle_boxes.png", "test_0002_det1_circle_cam.png",
                    "test_0002_det2_triangle_boxes.png")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".part")), "no temporary files left");
        }
        JsonNode cams = JSON.readTree(out.resolve("test_0002.json").toFile()).path("cams");
        assertEquals(3, cams.size());
        assertEquals(2, cams.get(2).path("detection").asInt());
    }

    @Test
    void methodListNamesEveryMethod() {
        Cli.Result r = Cli.run("explain", "--method", "list");
        assertEquals(0, r.exitCode(), r.err());
        CamMethods.all().forEach(m -> assertTrue(r.out().contains(m.name()), m.name()));
    }

    @Test
    void missingImageIsOneLineAndLeavesNoOutput() {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--weights", shapesModel(), "--out", out.toString(),
                temp.resolve("nope.jpg").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("nope.jpg"), r.err());
        assertTrue(Files.notExists(out));
    }

    @Test
    void badMethodParametersAreOneLineUsageErrors() {
        for (String spec : List.of("FEM:k=-1", "FinerCAM:alpha=-1", "FinerCAM:classes=0")) {
            Cli.Result r = Cli.run("explain", "--weights", shapesModel(), "--method", spec,
                    "--out", temp.resolve("exp").toString(), Oracle.image("shapes/test_0001.png").toString());
            assertEquals(2, r.exitCode(), spec + ": " + r.err());
            assertTrue(r.oneLineError() && r.err().contains(spec.substring(0, spec.indexOf(':'))), r.err());
        }
        assertTrue(Files.notExists(temp.resolve("exp")));
    }

    @Test
    void unknownMethodIsAUsageError() {
        Cli.Result r = Cli.run("explain", "--weights", shapesModel(), "--method", "MagicCAM",
                "--out", temp.resolve("exp").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("MagicCAM"), r.err());
    }

    @Test
    void unknownLayerSuggestsTheNearestPaths() {
        Cli.Result r = Cli.run("explain", "--weights", shapesModel(), "--imgsz", "320", "--layer",
                "model.2.m.0.cv1.acts", "--out", temp.resolve("exp").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("model.2.m.0.cv1.act"), r.err());
        assertTrue(Files.notExists(temp.resolve("exp")));
    }

    @Test
    void textFileNamedPtIsRefusedInOneLine() throws IOException {
        Path fake = Files.writeString(temp.resolve("best.pt"), "this is not a checkpoint\n");
        Cli.Result r = Cli.run("explain", "--weights", fake.toString(), "--out", temp.resolve("exp").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("best.pt"), r.err());
        Cli.Result verbose = Cli.run("explain", "--weights", fake.toString(), "--verbose",
                "--out", temp.resolve("exp").toString());
        assertTrue(verbose.err().contains("\tat "), "--verbose adds the stack trace");
    }

    @Test
    void brokenImageAmongGoodOnesIsReportedAndTheRestIsExplained() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("images"));
        Files.copy(Oracle.image("shapes/test_0001.png"), dir.resolve("a.png"));
        Files.write(dir.resolve("b.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3});
        Files.copy(Oracle.image("shapes/test_0002.png"), dir.resolve("c.png"));
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--weights", shapesModel(), "--imgsz", "320", "--out", out.toString(),
                dir.toString());
        assertEquals(1, r.exitCode(), "a failed image makes the run fail at the end");
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("yolocam:") && l.contains("b.jpg")), r.err());
        assertTrue(Files.exists(out.resolve("a.json")) && Files.exists(out.resolve("c.json")));
        assertTrue(Files.notExists(out.resolve("b.json")));
    }

    @Test
    void fiftyImagesUseOneModelAndOneGradientFunctionPerPassSize() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("many"));
        for (int i = 0; i < 50; i++) {
            // test_0000..0003 are all 320x320: one input shape, so one graph
            Files.copy(Oracle.image("shapes/test_000" + (i % 4) + ".png"), dir.resolve(String.format("img%02d.png", i)));
        }
        int before = YoloGraph.gradientFunctionsBuilt();
        Cli.Result r = Cli.run("explain", "--weights", shapesModel(), "--imgsz", "320", "--save", "json",
                "--no-metrics", "--out", temp.resolve("exp").toString(), dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, YoloGraph.gradientFunctionsBuilt() - before,
                "gradient functions for 50 images: 4 per pass, and 1 per pass for the 2 left over");
        assertTrue(r.err().contains("50 images") && r.err().contains("ms/image"), r.err());
    }

    @Test
    void imagesPerPassOutOfRangeIsAUsageError() {
        Cli.Result r = Cli.run("explain", "--weights", shapesModel(), "--images-per-pass", "0",
                "--out", temp.resolve("exp").toString(), Oracle.image("shapes/test_0002.png").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--images-per-pass"), r.err());
        assertTrue(Files.notExists(temp.resolve("exp")), "nothing written");
    }

    @Test
    void sweepWritesAGridAndAPage() {
        Path out = temp.resolve("sweep");
        Cli.Result r = Cli.run("sweep", "--weights", shapesModel(), "--imgsz", "320", "--layers", "model.*.cv3.act",
                "--out", out.toString(), "-q", Oracle.image("shapes/test_0002.png").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(out.resolve("test_0002_sweep.png")));
        assertTrue(Files.exists(out.resolve("index.html")));
        assertTrue(Files.exists(out.resolve("layers/test_0002_model.17.cv3.act.png")));
    }
}
