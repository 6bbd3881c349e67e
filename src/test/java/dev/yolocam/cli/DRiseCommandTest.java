package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yolocam explain --method D-RISE}: a map per detection by default, repeatable with --seed, no layers. */
class DRiseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void mapsPerDetectionByDefaultRepeatableBySeedAndIndependentOfTheLayer() throws IOException {
        Path first = explain("first", "--seed", "3", "--layer", "17");
        Path again = explain("again", "--seed", "3", "--layer", "23");
        Path other = explain("other", "--seed", "4", "--layer", "17");
        JsonNode doc = JSON.readTree(first.resolve("test_0002.json").toFile());
        JsonNode cams = doc.path("cams");
        assertEquals(doc.path("detections").size(), cams.size());
        for (int i = 0; i < cams.size(); i++) {
            assertEquals("D-RISE", cams.get(i).path("method").asText());
            assertEquals(i, cams.get(i).path("detection").asInt());
            assertEquals(0, cams.get(i).path("layers").size(), "D-RISE reads no layer");
        }
        String npy = cams.get(0).path("npy").asText();
        assertArrayEquals(Files.readAllBytes(first.resolve(npy)), Files.readAllBytes(again.resolve(npy)));
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(first.resolve(npy)),
                Files.readAllBytes(other.resolve(npy))), "another seed, other masks");
    }

    private Path explain(String name, String... options) {
        Path out = temp.resolve(name);
        String[] fixed = {"explain", "--weights", Oracle.model("shapes-yolov5n.pt").toString(), "--imgsz", "128",
            "--method", "DRISE", "--masks", "24", "--batch-size", "8", "--save", "json,npy", "--metrics", "none",
            "--out", out.toString(), "-q", Oracle.image("shapes/test_0002.png").toString()};
        String[] all = new String[fixed.length + options.length];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        System.arraycopy(options, 0, all, fixed.length, options.length);
        Cli.Result r = Cli.run(all);
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }
}
