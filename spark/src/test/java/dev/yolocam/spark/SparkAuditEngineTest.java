package dev.yolocam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.audit.AuditRow;
import dev.yolocam.audit.AuditRows;
import dev.yolocam.audit.Outcome;
import dev.yolocam.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yolocam audit --engine spark --master local[2]} against the local engine on the same small dataset, with
 * one task failing after it wrote its rows (Spark retries it; the rows must not be there twice).
 */
class SparkAuditEngineTest {
    /** Two input shapes (320x320, 448x256, 320x224), one image without a label file, one that is not an image. */
    private static final List<String> LABELLED = List.of("val_0000", "val_0001", "val_0002", "val_0007", "val_0011");
    private static final String UNLABELLED = "val_0003";

    @TempDir
    Path dir;

    @Test
    void sparkLocal2WritesTheRowsOfTheLocalEngineWhenATaskIsRetried() throws Exception {
        Path model = SharedData.model("shapes-yolov5n.pt");
        Path data = smallDataset(SharedData.dataset("shapes-val"));
        Path localOut = dir.resolve("local");
        Path sparkOut = dir.resolve("spark local[2]"); // a space and glob characters in the name

        run("audit", "--weights", model.toString(), "--data", data.toString(), "--out", localOut.toString(), "-q");
        // local[2,2]: two task threads, a task may fail once; the output folder on a file system that fails once
        String property = "spark.hadoop.fs." + FailOnceFileSystem.SCHEME + ".impl";
        System.setProperty(property, FailOnceFileSystem.class.getName());
        FailOnceFileSystem.FAILED.set(false);
        try {
            run("audit", "--weights", model.toString(), "--data", data.toString(), "--out",
                    FailOnceFileSystem.SCHEME + "://" + sparkOut, "-q", "--engine", "spark", "--master", "local[2,2]");
        } finally {
            System.clearProperty(property);
        }
        assertTrue(FailOnceFileSystem.FAILED.get(), "a task failed once");

        List<AuditRow> local = new ArrayList<>();
        for (String line : Files.readAllLines(localOut.resolve("rows.jsonl"))) {
            local.add(AuditRows.fromJson(line));
        }
        List<AuditRow> spark = parquetRows(sparkOut.resolve("rows"));
        assertEquals(local.size(), spark.size(), "row count");
        for (int i = 0; i < local.size(); i++) {
            assertSameRow(local.get(i), spark.get(i));
        }
        assertTrue(local.stream().anyMatch(r -> r.outcome() == Outcome.ERROR), "the broken image is an error row");
        assertTrue(local.stream().anyMatch(r -> r.outcome() == Outcome.TP), "the labelled images have true positives");
        for (AuditRow row : spark) {
            if (row.thumbnail() != null) {
                assertTrue(Files.isRegularFile(sparkOut.resolve(row.thumbnail())), row.thumbnail());
                assertTrue(Files.isRegularFile(sparkOut.resolve(row.map())), row.map());
            }
        }
        assertTrue(Files.isRegularFile(sparkOut.resolve("summary.json")));
        assertTrue(Files.isRegularFile(sparkOut.resolve("report.html")));
        try (var files = Files.walk(sparkOut)) {
            assertEquals(List.of(), files.filter(p -> !p.startsWith(sparkOut.resolve("rows")))
                    .map(Path::getFileName).map(Path::toString)
                    .filter(n -> n.endsWith(".part") || n.endsWith(".crc")).toList(),
                    "no temporary or checksum files beside the maps and the report (rows/ is Spark's)");
        }
    }

    private Path smallDataset(Path shapesVal) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("images"));
        Files.createDirectories(data.resolve("labels"));
        for (String stem : LABELLED) {
            Files.copy(shapesVal.resolve("images/" + stem + ".png"), data.resolve("images/" + stem + ".png"));
            Files.copy(shapesVal.resolve("labels/" + stem + ".txt"), data.resolve("labels/" + stem + ".txt"));
        }
        Files.copy(shapesVal.resolve("images/" + UNLABELLED + ".png"), data.resolve("images/" + UNLABELLED + ".png"));
        Files.writeString(data.resolve("images/broken.png"), "not a PNG");
        return data;
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        assertEquals(0, code, err.toString());
    }

    private static List<AuditRow> parquetRows(Path folder) {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("SparkAuditEngineTest")
                .config("spark.ui.enabled", "false").config("spark.sql.debug.maxToStringFields", 100).getOrCreate();
        try {
            List<AuditRow> rows = new ArrayList<>(spark.read().option(DataSource.GLOB_PATHS_KEY(), "false")
                    .parquet(folder.toString()).collectAsList().stream()
                    .map(AuditRowSchema::fromRow).toList());
            rows.sort(AuditRows.ORDER);
            return rows;
        } finally {
            spark.stop();
        }
    }

    /** Every field equal, numbers within 1e-4 (two processes may sum a map's mass in another order). */
    private static void assertSameRow(AuditRow expected, AuditRow actual) throws ReflectiveOperationException {
        for (RecordComponent c : AuditRow.class.getRecordComponents()) {
            Object e = c.getAccessor().invoke(expected);
            Object a = c.getAccessor().invoke(actual);
            String where = expected.image() + " " + expected.outcome().key() + " " + expected.index() + " "
                    + c.getName();
            if (e instanceof Double ed && a instanceof Double ad) {
                assertEquals(ed, ad, 1e-4, where);
            } else {
                assertEquals(e, a, where);
            }
        }
    }
}
