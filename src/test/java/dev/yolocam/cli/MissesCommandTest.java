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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --misses} on the labelled shapes test images: every missed shape named, with a reason and a map. */
class MissesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REASONS = Set.of("below_conf", "nms", "wrong_class", "no_candidate");

    @TempDir
    Path temp;

    @Test
    void atConf099EveryLabelledShapeNotDetectedIsListedWithAReasonAndAMap() throws IOException {
        Path images = temp.resolve("images");
        Files.createDirectories(images);
        for (int i = 0; i < 6; i++) {
            for (String ext : List.of(".png", ".txt")) {
                Files.copy(Oracle.image("shapes/test_000" + i + ext), images.resolve("test_000" + i + ext));
            }
        }
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--conf", "0.99", "--misses", "--out", out.toString(), "-q",
                images.toString());
        assertEquals(0, r.exitCode(), r.err());
        int missed = 0;
        for (int i = 0; i < 6; i++) {
            String stem = "test_000" + i;
            JsonNode doc = JSON.readTree(out.resolve(stem + ".json").toFile());
            long labelled = Files.readAllLines(images.resolve(stem + ".txt")).stream().filter(l -> !l.isBlank())
                    .count();
            assertEquals(labelled, doc.path("labels").asInt(), stem + ": labels counted");
            int found = 0;
            for (JsonNode d : doc.path("detections")) {
                assertTrue(d.has("false_positive"), stem + ": every detection says whether it matches a label");
                found += d.path("false_positive").asBoolean() ? 0 : 1;
            }
            JsonNode misses = doc.path("misses");
            assertTrue(found + misses.size() >= labelled, stem + ": each label is found or missed");
            for (JsonNode m : misses) {
                assertTrue(REASONS.contains(m.path("reason").asText()), m.toString());
                assertTrue(Files.exists(out.resolve(m.path("file").asText())), m.toString());
                assertTrue(Files.exists(out.resolve(m.path("npy").asText())), m.toString());
                assertTrue(m.path("max").asDouble() > 0, stem + ": the miss has a map: " + m);
            }
            missed += misses.size();
        }
        assertTrue(missed >= 15, "at conf 0.99 most of the 20 shapes are missed: " + missed);
    }

    @Test
    void aLabelWithNothingNearItHasNoCandidate() throws IOException {
        Path image = temp.resolve("test_0001.png");
        Files.copy(Oracle.image("shapes/test_0001.png"), image);
        // one real shape's line, and a 6 x 6 px box in an empty patch of the 320 x 320 picture
        String first = Files.readAllLines(Oracle.image("shapes/test_0001.txt")).get(0);
        Files.writeString(temp.resolve("test_0001.txt"), first + "\n0 0.5 0.97 0.02 0.02\n");
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--misses", "--out", out.toString(), "-q", image.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode misses = JSON.readTree(out.resolve("test_0001.json").toFile()).path("misses");
        JsonNode crafted = misses.get(misses.size() - 1);
        assertEquals("no_candidate", crafted.path("reason").asText(), misses.toString());
        assertTrue(crafted.path("iou").asDouble() < 0.5, crafted.toString());
    }

    @Test
    void anImageWithoutLabelsIsExplainedWithAWarning() throws IOException {
        Path image = temp.resolve("plain.png");
        Files.copy(Oracle.image("shapes/test_0001.png"), image);
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--misses", "--out", out.toString(), image.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("plain.png: warning: no YOLO label file"), r.err());
        assertTrue(!JSON.readTree(out.resolve("plain.json").toFile()).has("misses"));
    }
}
