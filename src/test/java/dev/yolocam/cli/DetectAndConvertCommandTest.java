package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.io.NpyFile;
import dev.yolocam.testing.Float64Bounds;
import dev.yolocam.testing.Oracle;
import dev.yolocam.testing.OracleCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yolocam detect}, {@code layers} and {@code convert} on the oracle's models, as a user runs them. */
class DetectAndConvertCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void detectReproducesTheRandomModelsTop20OnBus() throws IOException {
        Path out = temp.resolve("bus");
        Cli.Result r = Cli.run("detect", "--weights", Oracle.model("yolov5n-random.pt").toString(), "--imgsz", "320",
                "--conf", "0.001", "--max-det", "20", "--out", out.toString(), "-q", Oracle.image("bus.jpg").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertSameDetections(out.resolve("bus.json"), OracleCase.load("random_bus_320"), "dets_conf0.001_top20_orig.npy");
        assertTrue(Files.size(out.resolve("bus.png")) > 0, "annotated picture written");
    }

    @Test
    void detectReproducesTheShapesModelAtConf025() throws IOException {
        Path out = temp.resolve("shapes");
        Cli.Result r = Cli.run("detect", "--weights", Oracle.model("shapes-yolov5n.pt").toString(), "--imgsz", "320",
                "--out", out.toString(), "-q", Oracle.image("shapes/test_0005.png").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = assertSameDetections(out.resolve("test_0005.json"), OracleCase.load("shapes_nonsq_320"),
                "dets_conf0.25_orig.npy");
        assertEquals(256, doc.path("width").asInt());
        assertEquals(384, doc.path("height").asInt());
        assertEquals(224, doc.path("input").path("width").asInt());
        assertEquals(320, doc.path("input").path("height").asInt());
        assertEquals(5, doc.path("input").path("pad").get(0).asInt(), "left pad");
    }

    @Test
    void convertedModelDetectsExactlyLikeTheCheckpoint() throws IOException {
        Path converted = temp.resolve("shapes.yolocam");
        Cli.Result c = Cli.run("convert", "--weights", Oracle.model("shapes-yolov5n.pt").toString(), "-o",
                converted.toString(), "-q");
        assertEquals(0, c.exitCode(), c.err());
        Path image = Oracle.image("shapes/test_0001.png");
        Cli.run("detect", "--weights", Oracle.model("shapes-yolov5n.pt").toString(), "--imgsz", "320", "--out",
                temp.resolve("a").toString(), "-q", image.toString());
        Cli.Result d = Cli.run("detect", "--weights", converted.toString(), "--imgsz", "320", "--out",
                temp.resolve("b").toString(), "-q", image.toString());
        assertEquals(0, d.exitCode(), d.err());
        JsonNode a = JSON.readTree(temp.resolve("a/test_0001.json").toFile());
        JsonNode b = JSON.readTree(temp.resolve("b/test_0001.json").toFile());
        assertEquals(a.path("detections"), b.path("detections"));
    }

    @Test
    void layersListsNestedPathsWithShapesAndIndexShortcuts() {
        Cli.Result r = Cli.run("layers", "--weights", Oracle.model("shapes-yolov5n.pt").toString(), "--imgsz", "320");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("model.2.m.0.cv1.act") && l.contains("SiLU")
                && l.contains("[1, 16, 80, 80]")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("23|-2") && l.contains("model.23")), r.out());
    }

    @Test
    void stateDictWithoutCfgFailsWithAHintAboutCfg() {
        Cli.Result r = Cli.run("detect", "--weights", Oracle.testdata().resolve("fixtures/statedict.pt").toString(),
                "--out", temp.resolve("x").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("--cfg"), r.err());
        assertTrue(Files.notExists(temp.resolve("x")), "no output directory for a failed run");
    }

    @Test
    void stateDictWithCfgLoads() {
        Cli.Result r = Cli.run("layers", "--weights", Oracle.testdata().resolve("fixtures/statedict.pt").toString(),
                "--cfg", Oracle.testdata().resolve("fixtures/statedict.yaml").toString(), "--imgsz", "64");
        assertEquals(0, r.exitCode(), r.err());
    }

    /**
     * Detections in original-image pixels against the case's file. Tolerances from the case's measured float32 bound:
     * a box corner is a centre plus half a size, both raw coordinates, divided by the letterbox ratio; a confidence
     * is objectness times class probability, two raw probabilities.
     */
    private static JsonNode assertSameDetections(Path json, OracleCase c, String file) throws IOException {
        JsonNode doc = JSON.readTree(json.toFile());
        NpyFile.FloatArray expected = NpyFile.read(c.dir().resolve(file));
        Float64Bounds bounds = Float64Bounds.ofOracleCase(c);
        double ratio = c.meta().path("preprocess").path("letterbox").path("r").asDouble();
        double boxTolerance = 1.5 * bounds.rawCoordinates().value() / ratio;
        double confTolerance = 2 * bounds.rawProbabilities().value();
        JsonNode dets = doc.path("detections");
        assertEquals(expected.dim(0), dets.size(), "number of detections");
        for (int i = 0; i < dets.size(); i++) {
            JsonNode d = dets.get(i);
            for (int k = 0; k < 4; k++) {
                double diff = Math.abs(d.path("box").get(k).asDouble() - expected.data()[i * 6 + k]);
                assertTrue(diff <= boxTolerance, "detection " + i + " box coordinate " + k + " differs by " + diff
                        + " (tolerance " + boxTolerance + ")");
            }
            assertEquals(expected.data()[i * 6 + 4], d.path("confidence").asDouble(), confTolerance);
            assertEquals((int) expected.data()[i * 6 + 5], d.path("class").asInt());
        }
        return doc;
    }
}
