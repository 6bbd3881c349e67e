package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yolocam bench} runs every stage and writes one JSON entry per stage (no timing is asserted). */
class BenchCommandTest {
    @TempDir
    Path temp;

    @Test
    void jsonHasOneEntryPerMeasuredStage() throws IOException {
        Path json = temp.resolve("bench.json");
        Cli.Result r = Cli.run("bench", "--random", "yolov5n", "--imgsz", "64", "--runs", "1", "--warmup", "0",
                "--method", "GradCAM,EigenCAM", "--soak", "3", "--json", json.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        List<String> stages = new ArrayList<>();
        doc.path("stages").forEach(s -> stages.add(s.path("stage").asText()));
        assertEquals(List.of("generate_random_model", "convert_write", "load_converted", "graph_build@64",
                "gradient_function_build@64", "forward@64", "forward_backward@64", "method:GradCAM@64",
                "method:EigenCAM@64", "forward_batch4@64", "forward_backward_batch4@64", "method:GradCAM_batch4@64",
                "method:EigenCAM_batch4@64", "rss_soak@64", "peak_rss"), stages);
        assertTrue(doc.path("stages").get(5).path("median_ms").asDouble() > 0);
        assertTrue(r.out().contains("forward_backward@64"), r.out());
        JsonNode batched = doc.path("stages").get(11);
        assertEquals(4, batched.path("images_per_pass").asInt(), batched.toString());
        assertEquals(batched.path("pass_median_ms").asDouble() / 4, batched.path("median_ms").asDouble(), 1e-9);
        doc.path("stages").forEach(s -> assertTrue(s.path("peak_rss_mib").asLong() > 0, s.toString()));
    }

    @Test
    void severalArchitecturesAreMeasuredInOneRunUnderTheirNames() throws IOException {
        Path json = temp.resolve("bench.json");
        Cli.Result r = Cli.run("bench", "--random", "yolov5n,yolo11n", "--imgsz", "64", "--runs", "1", "--warmup",
                "0", "--method", "GradCAM", "--images-per-pass", "1", "--json", json.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<String> stages = new ArrayList<>();
        new ObjectMapper().readTree(json.toFile()).path("stages").forEach(s -> stages.add(s.path("stage").asText()));
        for (String model : List.of("yolov5n", "yolo11n")) {
            for (String stage : List.of("graph_build@64", "forward@64", "forward_backward@64", "method:GradCAM@64",
                    "peak_rss")) {
                assertTrue(stages.contains(model + " " + stage), model + " " + stage + " in " + stages);
            }
        }
        assertTrue(r.out().contains("yolo11n peak RSS"), r.out());
    }

    @Test
    void anUnknownArchitectureIsAUsageErrorNamingTheKnownOnes() {
        Cli.Result r = Cli.run("bench", "--random", "yolov5n,yolov9t");
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("yolov9t") && r.err().contains("yolo11n"), r.err());
    }

    @Test
    void weightsAndRandomTogetherIsAUsageError() {
        Cli.Result r = Cli.run("bench", "--random", "yolov5n", "--weights", "x.pt");
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError(), r.err());
    }
}
