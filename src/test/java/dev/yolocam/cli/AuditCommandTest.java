package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.audit.AuditRow;
import dev.yolocam.audit.AuditRows;
import dev.yolocam.audit.Outcome;
import dev.yolocam.testing.LabelMatching;
import dev.yolocam.testing.Oracle;
import dev.yolocam.testing.SampleDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yolocam audit} on the embedded model's labelled sample images. */
class AuditCommandTest {
    private static final Path MODEL = Oracle.testdata().resolve("default/shapes-yolov5n.pt");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The sample images and their labels (beside them), the first {@code n}. */
    private Path dataset(int n) throws IOException {
        return SampleDataset.copy(tmp.resolve("data"), n);
    }

    private static Cli.Result audit(Path data, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "--weights", MODEL.toString(), "--data", data.toString(),
                "--imgsz", "320", "--out", out.toString(), "-q"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    static List<AuditRow> rows(Path out) throws IOException {
        List<AuditRow> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("rows.jsonl"))) {
            rows.add(AuditRows.fromJson(line));
        }
        return rows;
    }

    @Test
    void countsOfTruePositivesFalsePositivesAndMissesAgreeWithDetectAtTheSameConf() throws IOException {
        Path data = dataset(6);
        Path out = tmp.resolve("audit");
        Cli.Result audited = audit(data, out);
        assertEquals(0, audited.exitCode(), audited.err());
        for (String file : List.of("rows.jsonl", "summary.json", "report.html", "journal.jsonl", "audit.json")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        Cli.Result detected = Cli.run("detect", "--weights", MODEL.toString(), "--imgsz", "320",
                "--out", tmp.resolve("detect").toString(), "-q", data.toString());
        assertEquals(0, detected.exitCode(), detected.err());

        List<AuditRow> rows = rows(out);
        int[] expected = new int[3];
        try (Stream<Path> files = Files.list(tmp.resolve("detect"))) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode doc = JSON.readTree(json.toFile());
                String stem = json.getFileName().toString().replace(".json", "");
                int[] counted = LabelMatching.count(doc, data.resolve(stem + ".txt"));
                for (int i = 0; i < 3; i++) {
                    expected[i] += counted[i];
                }
                long kept = rows.stream().filter(r -> r.image().equals(stem + ".png") && r.kept()
                        && r.isDetection()).count();
                assertEquals(doc.get("detections").size(), kept, stem + ": detections at --conf");
            }
        }
        assertEquals(expected[0], count(rows, Outcome.TP), "true positives");
        assertEquals(expected[1], count(rows, Outcome.FP), "false positives");
        assertEquals(expected[2], count(rows, Outcome.MISS), "misses");
        assertTrue(expected[0] > 10, "the sample images have many true positives: " + expected[0]);
        for (AuditRow r : rows) {
            if (r.kept() && r.outcome() != Outcome.ERROR) {
                assertTrue(Files.isRegularFile(out.resolve(r.thumbnail())), r.thumbnail());
                assertTrue(Files.isRegularFile(out.resolve(r.map())), r.map());
                assertTrue(r.ownBoxMass() >= 0 && r.ownBoxMass() <= 1, r.toString());
            }
            if (r.outcome() == Outcome.TP && r.kept()) {
                assertTrue(r.iou() >= 0.5 && r.pointingHit() != null, r.toString());
            }
        }
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(6, summary.get("images").asInt(), summary.toString());
    }

    @Test
    void anImageThatCannotBeReadIsAnErrorRowAndTheAuditGoesOn() throws IOException {
        Path data = dataset(1);
        Files.write(data.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.copy(data.resolve("test_0000.png"), data.resolve("mislabelled.png"));
        Files.writeString(data.resolve("mislabelled.txt"), "0 0.5 0.5 not-a-number 0.2\n");
        Path out = tmp.resolve("audit");
        Cli.Result audited = audit(data, out);
        assertEquals(0, audited.exitCode(), audited.err());
        List<AuditRow> rows = rows(out);
        AuditRow broken = rows.get(0);
        assertEquals("broken.png", broken.image());
        assertEquals(Outcome.ERROR, broken.outcome());
        assertTrue(broken.error() != null && !broken.error().isBlank(), broken.toString());
        AuditRow mislabelled = rows.stream().filter(r -> r.image().equals("mislabelled.png")).findFirst().orElseThrow();
        assertEquals(Outcome.ERROR, mislabelled.outcome());
        assertTrue(mislabelled.error().contains("line 1"), mislabelled.error());
        assertTrue(rows.stream().anyMatch(r -> r.image().equals("test_0000.png") && r.outcome() == Outcome.TP));
    }

    @Test
    void aRunWithOtherSettingsIsRefusedThereAndExistOkStartsOver() throws IOException {
        Path data = dataset(2);
        Path out = tmp.resolve("audit");
        assertEquals(0, audit(data, out).exitCode());
        List<AuditRow> first = rows(out);

        Cli.Result again = audit(data, out, "--conf", "0.9");
        assertEquals(2, again.exitCode(), again.err());
        assertTrue(again.oneLineError(), again.err());
        assertTrue(again.err().contains("conf: 0.25 -> 0.9") && again.err().contains("--exist-ok"), again.err());
        assertEquals(first, rows(out), "the refused run changed nothing");

        Cli.Result over = audit(data, out, "--conf", "0.9", "--exist-ok");
        assertEquals(0, over.exitCode(), over.err());
        assertTrue(count(rows(out), Outcome.TP) + count(rows(out), Outcome.FP)
                < count(first, Outcome.TP) + count(first, Outcome.FP), "fewer detections at --conf 0.9");
    }

    @Test
    void theSameCommandAgainFindsEverythingDoneAndWritesTheSameRows() throws IOException {
        Path data = dataset(2);
        Path out = tmp.resolve("audit");
        assertEquals(0, audit(data, out).exitCode());
        byte[] rows = Files.readAllBytes(out.resolve("rows.jsonl"));
        List<String> args = List.of("audit", "--weights", MODEL.toString(), "--data", data.toString(), "--imgsz",
                "320", "--out", out.toString());
        Cli.Result again = Cli.run(args.toArray(String[]::new));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("continuing, 2 of 2 images done before"), again.err());
        assertEquals(new String(rows), Files.readString(out.resolve("rows.jsonl")));
    }

    @Test
    void theSparkEngineWithoutItsModuleIsOneLine() throws IOException {
        Cli.Result r = audit(dataset(1), tmp.resolve("audit"), "--engine", "spark");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.oneLineError() && r.err().contains("not on the classpath"), r.err());
    }

    @Test
    void optionsAnAuditFixesAreUnknownToIt() throws IOException {
        Path data = dataset(1);
        for (String option : List.of("--no-per-detection", "--metrics=all")) {
            Cli.Result r = audit(data, tmp.resolve("audit"), option);
            assertEquals(2, r.exitCode(), option + ": " + r.err());
            assertTrue(r.oneLineError(), r.err());
        }
        Cli.Result master = audit(data, tmp.resolve("audit"), "--master", "local[2]");
        assertEquals(2, master.exitCode(), master.err());
        assertTrue(master.err().contains("--engine spark"), master.err());
    }

    private static long count(List<AuditRow> rows, Outcome outcome) {
        return rows.stream().filter(r -> r.kept() && r.outcome() == outcome).count();
    }
}
