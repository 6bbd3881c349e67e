package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamMethods;
import dev.yolocam.io.NpyFile;
import dev.yolocam.testing.Float64Bounds;
import dev.yolocam.testing.Oracle;
import dev.yolocam.testing.OracleV8;
import dev.yolocam.testing.Tolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user's commands on YOLOv8/YOLO11 checkpoints (the oracle's trained shapes models): the same commands as for
 * YOLOv5, with the family's defaults (Detect inputs as layers, NMS iou 0.7) and its targets.
 */
class UltralyticsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String model(String name) {
        return OracleV8.model(name).toString();
    }

    private static String image() {
        return Oracle.image("shapes/test_0001.png").toString();
    }

    @Test
    void explainWithNoOptionsExplainsTheDetectInputsOfAYolo11Model() throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--weights", model("shapes-yolo11n.pt"), "--save", "json,overlay",
                "--out", out.toString(), "-q", image());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(out.resolve("test_0001.json").toFile());
        JsonNode layers = doc.path("cams").get(0).path("layers");
        assertEquals(List.of("model.16", "model.19", "model.22"), texts(layers));
        assertEquals(10, doc.path("detections").size(), "the oracle's 10 boxes at conf 0.25, iou 0.7");
        assertTrue(Files.exists(out.resolve("test_0001_cam.png")));
    }

    @Test
    void detectKeepsUpstreamsBoxesWithTheFamilysIou() throws IOException {
        Path out = temp.resolve("det");
        Cli.Result r = Cli.run("detect", "--weights", model("shapes-yolov8n.pt"), "--imgsz", "320",
                "--out", out.toString(), "-q", image());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode detections = JSON.readTree(out.resolve("test_0001.json").toFile()).path("detections");
        Path caseDir = OracleV8.caseDir("shapes8_a_320");
        NpyFile.FloatArray expected = NpyFile.read(caseDir.resolve("dets_conf0.25_orig.npy"));
        assertEquals(expected.dim(0), detections.size());
        // boxes in original pixels: the raw-coordinate tolerance (input pixels) over the gain, which is 1 here
        Tolerance tolerance = Float64Bounds.ofOracleV8Case(caseDir, "shapes8_a_320").rawCoordinates();
        for (int i = 0; i < detections.size(); i++) {
            JsonNode d = detections.get(i);
            assertEquals((int) expected.data()[i * 6 + 5], d.path("class").asInt(), "class of #" + i);
            for (int k = 0; k < 4; k++) {
                double diff = Math.abs(d.path("box").get(k).asDouble() - expected.data()[i * 6 + k]);
                assertTrue(tolerance.admits(diff), "#" + i + " coordinate " + k + ": " + diff + "; " + tolerance);
            }
        }
    }

    @Test
    void objectnessTargetsAreRefusedInOneLineForAFamilyWithoutObjectness() throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--weights", model("shapes-yolov8n.pt"), "--target", "obj",
                "--out", out.toString(), "-q", image());
        assertTrue(r.exitCode() != 0);
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("objectness"), r.err());
        assertTrue(!Files.exists(out) || isEmpty(out), "nothing written");
    }

    static List<String> methods() {
        return CamMethods.all().stream().map(CamMethod::name).toList();
    }

    /** Every method runs on a YOLO11 model (at a small size: this checks that they work, not their numbers). */
    @ParameterizedTest
    @MethodSource("methods")
    void everyMethodExplainsAYolo11Model(String method) throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--weights", model("shapes-yolo11n.pt"), "--imgsz", "128", "--method",
                method, "--no-per-detection", "--save", "json,npy", "--conf", "0.05", "--batch-size", "64", "--masks",
                "64", "--out",
                out.toString(), "-q", image());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(out.resolve("test_0001.json").toFile());
        assertTrue(doc.path("detections").size() > 0, "detections at 128");
        // the first map: of the whole target, or of the first detection for a per-detection method (D-RISE)
        float[] map = NpyFile.read(out.resolve(doc.path("cams").get(0).path("npy").asText())).data();
        for (float v : map) {
            assertTrue(v >= 0 && v <= 1, method + ": map value " + v);
        }
    }

    @Test
    void imagesBatchedInOnePassGetTheDetectionsOfOnePassEach() throws IOException {
        List<JsonNode> results = new ArrayList<>();
        for (String perPass : List.of("1", "2")) {
            Path out = temp.resolve("det" + perPass);
            Cli.Result r = Cli.run("detect", "--weights", model("shapes-yolov8n.pt"), "--images-per-pass", perPass,
                    "--out", out.toString(), "-q", image(), Oracle.image("shapes/test_0002.png").toString());
            assertEquals(0, r.exitCode(), r.err());
            results.add(JSON.readTree(out.resolve("test_0002.json").toFile()).path("detections"));
        }
        assertEquals(results.get(0).size(), results.get(1).size());
        // the same model's measured float32 bound on box coordinates (kernels for a batch of 2 round differently)
        Tolerance tolerance = Float64Bounds.ofOracleV8Case(OracleV8.caseDir("shapes8_a_320"), "shapes8_a_320")
                .rawCoordinates();
        for (int i = 0; i < results.get(0).size(); i++) {
            assertEquals(results.get(0).get(i).path("class"), results.get(1).get(i).path("class"));
            for (int k = 0; k < 4; k++) {
                double diff = Math.abs(results.get(0).get(i).path("box").get(k).asDouble()
                        - results.get(1).get(i).path("box").get(k).asDouble());
                assertTrue(tolerance.admits(diff), "box of #" + i + ": " + diff + "; " + tolerance);
            }
        }
    }

    @Test
    void perDetectionMapsAndBoxTargetsWork() throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--weights", model("shapes-yolov8n.pt"), "--per-detection",
                "--method", "HiResCAM", "--target", "w", "--save", "json", "--out", out.toString(), "-q", image());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(out.resolve("test_0001.json").toFile());
        assertEquals(doc.path("detections").size(), doc.path("cams").size(), "one map per detection");
    }

    @Test
    void sweepAndLayersNameUltralyticsModulesByPath() throws IOException {
        Cli.Result layers = Cli.run("layers", "--weights", model("shapes-yolo11n.pt"), "--imgsz", "320");
        assertEquals(0, layers.exitCode(), layers.err());
        assertTrue(layers.out().contains("model.10.m.0.attn.qkv"), layers.out());
        assertTrue(layers.out().contains("model.23.cv3.0.0.0"), layers.out());
        Path out = temp.resolve("sweep");
        Cli.Result sweep = Cli.run("sweep", "--weights", model("shapes-yolo11n.pt"), "--imgsz", "320",
                "--layers", "model.1*", "--out", out.toString(), "-q", image());
        assertEquals(0, sweep.exitCode(), sweep.err());
        assertTrue(Files.exists(out.resolve("test_0001_sweep.png")));
    }

    @Test
    void aConvertedModelDetectsExactlyLikeItsCheckpoint() throws IOException {
        Path converted = temp.resolve("shapes11.yolocam");
        Cli.Result c = Cli.run("convert", "--weights", model("shapes-yolo11n.pt"), "-o", converted.toString(), "-q");
        assertEquals(0, c.exitCode(), c.err());
        List<JsonNode> results = new ArrayList<>();
        for (String weights : List.of(model("shapes-yolo11n.pt"), converted.toString())) {
            Path out = temp.resolve("det" + results.size());
            Cli.Result d = Cli.run("detect", "--weights", weights, "--imgsz", "320", "--out", out.toString(), "-q",
                    image());
            assertEquals(0, d.exitCode(), d.err());
            results.add(JSON.readTree(out.resolve("test_0001.json").toFile()).path("detections"));
        }
        assertEquals(results.get(0), results.get(1));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
