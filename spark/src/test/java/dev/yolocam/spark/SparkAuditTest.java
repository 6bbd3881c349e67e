package dev.yolocam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weights spark-submit's command line names, made a local path the command line can open. */
class SparkAuditTest {
    @TempDir
    Path dir;

    @Test
    void aLocalPathStaysAndAFileUriBecomesItsPath() throws IOException {
        Path weights = Files.writeString(dir.resolve("best.pt"), "weights");
        assertEquals(List.of("--data", "d", "--weights", weights.toString()),
                SparkAudit.withLocalWeights(List.of("--data", "d", "--weights", weights.toString())));
        assertEquals(List.of("--weights=" + weights),
                SparkAudit.withLocalWeights(List.of("--weights=file://" + weights)));
        assertEquals(List.of("--data", "d"), SparkAudit.withLocalWeights(List.of("--data", "d")));
    }

    @Test
    void theHadoopSettingsOfSparkSubmitReachTheFileSystem() throws IOException {
        Path weights = Files.writeString(dir.resolve("best.pt"), "weights");
        String property = "spark.hadoop.fs." + FailOnceFileSystem.SCHEME + ".impl";
        System.setProperty(property, FailOnceFileSystem.class.getName());
        try {
            assertEquals(List.of("-w", weights.toString()), SparkAudit.withLocalWeights(
                    List.of("-w", FailOnceFileSystem.SCHEME + "://" + weights)));
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void weightsOnAnUnknownFileSystemAreOneClearError() {
        YolocamException e = assertThrows(YolocamException.class,
                () -> SparkAudit.withLocalWeights(List.of("--weights", "nosuchfs://host/best.pt")));
        assertTrue(e.getMessage().startsWith("yolocam: nosuchfs://host/best.pt: cannot read: "), e.getMessage());
    }
}
