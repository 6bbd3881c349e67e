package dev.yolocam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolocam.audit.AuditRow;
import dev.yolocam.audit.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows survive Spark's Parquet writer and reader with the explicit schema, nulls included. */
class AuditRowParquetTest {
    @TempDir
    Path dir;

    @Test
    void rowsWrittenAsParquetByASparkJobReadBackEqual() {
        List<AuditRow> rows = List.of(
                new AuditRow("a/b.png", 0, Outcome.FP, false, 0, "circle", 0.004, 1.0, 2.0, 3.0, 4.0,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, 64, 48),
                new AuditRow("a/b.png", 1, Outcome.MISS, true, 2, "triangle", 0.2, 1.0, 2.0, 3.0, 4.0,
                        1.5, 2.5, 3.5, 4.5, 0.3, "wrong_class", 1, 0.4, 0.2, false, 0.35, "maps/a.npy", "thumbs/a.png",
                        null, 64, 48),
                AuditRow.failed("c.png", "cannot read: not an image"));
        SparkSession spark = SparkSession.builder().master("local[1]").appName("AuditRowParquetTest")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            String folder = dir.resolve("rows").toString();
            spark.createDataFrame(rows.stream().map(AuditRowSchema::toRow).toList(), AuditRowSchema.SCHEMA)
                    .coalesce(1).write().parquet(folder);
            List<AuditRow> back = spark.read().parquet(folder).collectAsList().stream()
                    .map(AuditRowSchema::fromRow).toList();
            assertEquals(rows, back);
        } finally {
            spark.stop();
        }
    }
}
