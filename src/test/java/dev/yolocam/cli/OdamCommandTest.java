package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yolocam explain --method ODAM} as a user runs it: one map per detection unless told otherwise. */
class OdamCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String image() {
        return Oracle.testdata().resolve("default/images/test_0002.png").toString();
    }

    @Test
    void odamExplainsEachDetectionByDefaultWithItsBoxMasses() throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--imgsz", "320", "--method", "odam", "--save", "json", "--out",
                out.toString(), "-q", image());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(out.resolve("test_0002.json").toFile());
        JsonNode cams = doc.path("cams");
        assertEquals(doc.path("detections").size(), cams.size(), "one map per detection");
        for (int i = 0; i < cams.size(); i++) {
            JsonNode cam = cams.get(i);
            assertEquals("ODAM", cam.path("method").asText());
            assertEquals(i, cam.path("detection").asInt());
            assertTrue(cam.path("metrics").has("own_box_mass"), cam.toString());
            assertTrue(cam.path("metrics").has("other_box_mass"), cam.toString());
        }
    }

    @Test
    void noPerDetectionGivesOneOdamMapOfEveryDetection() throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--imgsz", "320", "--method", "ODAM", "--no-per-detection", "--save",
                "json", "--out", out.toString(), "-q", image());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode cams = JSON.readTree(out.resolve("test_0002.json").toFile()).path("cams");
        assertEquals(1, cams.size());
        assertTrue(cams.get(0).path("detection").isNull(), cams.toString());
        assertTrue(!cams.get(0).path("metrics").has("other_box_mass"), "every detection is its own");
    }

    @Test
    void gradCamStaysOneMapOfEveryDetectionByDefault() throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--imgsz", "320", "--save", "json", "--out", out.toString(), "-q",
                image());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, JSON.readTree(out.resolve("test_0002.json").toFile()).path("cams").size());
    }
}
