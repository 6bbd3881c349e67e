package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.io.AtomicFiles;
import dev.yolocam.render.output.ExplainedPicture;
import dev.yolocam.render.output.Output;
import dev.yolocam.render.output.Outputs;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new output is one class and one registration through the public API: a toy output registered here is named by
 * --save like the built-in ones, listed in help and in the error for an unknown name, and written by explain.
 */
class ToyOutputCommandTest {
    @TempDir
    Path temp;

    /** The toy: {@code <stem>_count.txt}, how many detections the picture has and how many maps were made. */
    static final class CountOutput implements Output<ExplainedPicture> {
        @Override
        public String name() {
            return "count";
        }

        @Override
        public void write(ExplainedPicture picture) {
            String text = picture.result().detections().inOriginal().size() + " detections, "
                    + picture.maps().size() + " maps\n";
            AtomicFiles.write(picture.file(picture.source().stem() + "_count.txt"),
                    text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void registerTheToy() {
        Outputs.EXPLAIN.register(new CountOutput());
    }

    private static String image() {
        return Oracle.testdata().resolve("default/images/test_0002.png").toString();
    }

    @Test
    void explainWritesTheToyOutputWhenSaveNamesIt() throws IOException {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--imgsz", "64", "--no-metrics", "--save", "json,COUNT", "--out",
                out.toString(), "-q", image());
        assertEquals(0, r.exitCode(), r.err());
        int detections = new ObjectMapper().readTree(out.resolve("test_0002.json").toFile()).path("detections")
                .size();
        assertEquals(detections + " detections, 1 maps\n", Files.readString(out.resolve("test_0002_count.txt")));
    }

    @Test
    void theToyIsWrittenOnlyWhenSaveNamesIt() {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--imgsz", "64", "--no-metrics", "--out", out.toString(), "-q", image());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(out.resolve("test_0002.json")));
        assertFalse(Files.exists(out.resolve("test_0002_count.txt")));
    }

    @Test
    void helpAndTheErrorForAnUnknownNameListTheToy() {
        String help = Cli.run("explain", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("overlay, heatmap, boxes, concat, npy, misses, json, count"), help);
        Cli.Result r = Cli.run("explain", "--save", "pdf");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.oneLineError() && r.err().contains("overlay, heatmap, boxes, concat, npy, misses, json, count")
                && r.err().contains("'pdf'"), r.err());
    }
}
