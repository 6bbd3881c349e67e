package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.io.NpyFile;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the command line tells a user besides results: typo suggestions, layer choices that cannot work, size
 * rounding, summaries, the --conf hint and the per-detection warning. The embedded model at a small --imgsz.
 */
class MessagesCommandTest {
    @TempDir
    Path temp;

    private static String image(int i) {
        return Oracle.testdata().resolve("default/images/test_000" + i + ".png").toString();
    }

    private String out(String name) {
        return temp.resolve(name).toString();
    }

    @Test
    void aMistypedCommandSuggestsTheCommand() {
        Cli.Result r = Cli.run("explian");
        assertEquals(2, r.exitCode());
        assertEquals(3, r.err().lines().count(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("Did you mean") && l.contains("explain")), r.err());
        assertTrue(r.oneLineError(), r.err());
    }

    @Test
    void aMistypedOptionSuggestsTheOption() {
        Cli.Result r = Cli.run("explain", "--layr", "17");
        assertEquals(2, r.exitCode());
        assertEquals(3, r.err().lines().count(), r.err());
        assertTrue(r.err().lines().skip(1).findFirst().orElseThrow().contains("--layer"), r.err());
        assertTrue(r.oneLineError(), r.err());
    }

    @Test
    void theDetectModuleAsLayerIsAUsageErrorBeforeAnyImage() {
        for (String layer : List.of("model.24", "-1")) {
            Cli.Result r = Cli.run("explain", "--imgsz", "64", "--layer", layer, "--out", out("exp"), image(0));
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.oneLineError() && r.err().contains("Detect")
                    && r.err().contains("--layer 17 --layer 20 --layer 23"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertTrue(Files.notExists(temp.resolve("exp")), "nothing written");
        }
    }

    @Test
    void theDetectModuleAsBenchLayerIsAUsageError() {
        Cli.Result r = Cli.run("bench", "--random", "yolov5n", "--imgsz", "64", "--runs", "1", "--warmup", "0",
                "--layer", "model.24", "-q");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.oneLineError() && r.err().contains("Detect"), r.err());
    }

    @Test
    void anUnknownArchitectureIsAUsageErrorListingTheKnownOnes() {
        Cli.Result r = Cli.run("bench", "--random", "yolov5q", "--imgsz", "64");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.oneLineError() && r.err().contains("yolov5q") && r.err().contains("yolov5s")
                && r.err().contains("yolov5n6"), r.err());
    }

    @Test
    void theSameSeedGivesTheSameRandomCamAndAnotherSeedAnother() throws IOException {
        float[] one = randomCam("1", "a");
        float[] again = randomCam("1", "b");
        float[] two = randomCam("2", "c");
        assertArrayEquals(one, again);
        assertFalse(Arrays.equals(one, two), "another seed draws other channel weights");
    }

    private float[] randomCam(String seed, String dir) throws IOException {
        Cli.Result r = Cli.run("explain", "--imgsz", "64", "--method", "RandomCAM", "--seed", seed, "--save", "npy",
                "--no-metrics", "--out", out(dir), "-q", image(0));
        assertEquals(0, r.exitCode(), r.err());
        return NpyFile.read(temp.resolve(dir).resolve("test_0000_cam.npy")).data();
    }

    @Test
    void anImgszOffTheStrideIsRoundedWithOneWarning() {
        Cli.Result r = Cli.run("layers", "--imgsz", "300");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("yolocam: warning: --imgsz 300 must be a multiple of max stride 32, updating to 320",
                r.err().strip());
        assertTrue(r.out().contains("input [1, 3, 320, 320]"), r.out());
        Cli.Result exact = Cli.run("layers", "--imgsz", "320");
        assertEquals("", exact.err());
    }

    @Test
    void detectSummarySaysWhatDetectDid() {
        Cli.Result r = Cli.run("detect", "--imgsz", "64", "--out", out("det"), image(0));
        assertEquals(0, r.exitCode(), r.err());
        String summary = r.err().lines().filter(l -> l.contains("ms/image")).findFirst().orElseThrow();
        assertTrue(summary.startsWith("1 image, ") && summary.contains("detection"), summary);
        assertFalse(summary.contains("map"), summary);
    }

    @Test
    void imagesWithoutDetectionsGetOneHintAboutConf() {
        Cli.Result r = Cli.run("detect", "--imgsz", "64", "--conf", "0.99", "--out", out("det"), image(0), image(1));
        assertEquals(0, r.exitCode(), r.err());
        List<String> hints = r.err().lines().filter(l -> l.contains("--conf")).toList();
        assertEquals(List.of("yolocam: all 2 images had no detections at --conf 0.99; a lower --conf shows weaker "
                + "ones"), hints);
        Cli.Result quiet = Cli.run("detect", "--imgsz", "64", "--conf", "0.99", "--out", out("q"), "-q", image(0));
        assertEquals("", quiet.err());
    }

    @Test
    void perDetectionWithATargetFreeMethodWarnsOnce() {
        Cli.Result r = Cli.run("explain", "--imgsz", "160", "--method", "EigenCAM", "--per-detection", "--save",
                "json", "--no-metrics", "--out", out("eigen"), image(1), image(2));
        assertEquals(0, r.exitCode(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.contains("--per-detection")).toList();
        assertEquals(1, warnings.size(), r.err());
        assertTrue(warnings.get(0).startsWith("yolocam: warning: EigenCAM does not depend on the target"),
                warnings.get(0));
        Cli.Result gradCam = Cli.run("explain", "--imgsz", "160", "--per-detection", "--save", "json",
                "--no-metrics", "--out", out("grad"), image(1));
        assertTrue(gradCam.err().lines().noneMatch(l -> l.contains("--per-detection")), gradCam.err());
    }

    /**
     * An option explain and bench share is one option: the same bad value gives the same error line and exit code
     * from both (bench on the same model, so that the layer suggestions agree).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--method, MagicCAM", "--layer, nope", "--layer, 99", "--images-per-pass, 0", "--imgsz, 0"})
    void aSharedOptionIsRefusedAlikeByExplainAndBench(String option, String value) {
        String model = Oracle.testdata().resolve("default/shapes-yolov5n.pt").toString();
        Cli.Result explain = Cli.run("explain", "--weights", model, "--imgsz", "64", option, value, "--out",
                out("exp"), "-q", image(0));
        Cli.Result bench = Cli.run("bench", "--weights", model, "--imgsz", "64", "--runs", "1", "--warmup", "0",
                option, value, "-q");
        assertEquals(2, explain.exitCode(), explain.err());
        assertEquals(2, bench.exitCode(), bench.err());
        assertTrue(explain.oneLineError() && explain.err().contains(option), explain.err());
        assertEquals(explain.err().lines().findFirst(), bench.err().lines().findFirst());
    }

    @Test
    void aLayerTheModelLacksIsWordedWithTheOption() {
        Cli.Result r = Cli.run("explain", "--imgsz", "64", "--layer", "nope", "--out", out("exp"), image(0));
        assertEquals("yolocam: --layer nope: no such layer; nearest: model.0, model.1, model.2 (see 'yolocam "
                + "layers')", r.err().strip());
    }

    @Test
    void enumOptionsTakeAnyCaseAndListTheirValuesInHelpAndErrors() {
        Cli.Result r = Cli.run("explain", "--imgsz", "64", "--aggregate", "MAX", "--target", "Class-Obj",
                "--metrics", "NONE", "--device", "CPU", "--save", "JSON", "--out", out("exp"), "-q", image(0));
        assertEquals(0, r.exitCode(), r.err());
        String help = Cli.run("explain", "--help").out().replaceAll("\\s+", " ");
        for (String values : List.of("class, obj, class_obj, x, y, w, h, l, t, r, b, class_all", "mean, max",
                "cheap, all, none", "cpu, cuda", "overlay, heatmap, boxes, concat, npy, misses, json")) {
            assertTrue(help.contains(values), values + " in " + help);
        }
        Cli.Result bad = Cli.run("explain", "--aggregate", "median");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.oneLineError() && bad.err().contains("--aggregate") && bad.err().contains("mean, max")
                && bad.err().contains("'median'"), bad.err());
    }
}
