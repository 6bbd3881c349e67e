package dev.yolocam.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reference data made by upstream Ultralytics 8.3.166 / pytorch-grad-cam lives
 * ({@code ../shared/oracle-v8}, or the {@code yolocam.oracleV8} system property). Tests that need it call
 * {@link #root()} and are skipped, with a message saying where it was looked for, when it is absent. Its cases use
 * the YOLOv5 oracle's images ({@link Oracle#image}).
 */
public final class OracleV8 {
    private OracleV8() {
    }

    public static Path root() {
        String configured = System.getProperty("yolocam.oracleV8");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "oracle-v8");
        root = root.toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root.resolve("cases")),
                "YOLOv8/YOLO11 oracle data not found at " + root + " (set -Dyolocam.oracleV8=...); skipping parity test");
        return root;
    }

    public static Path model(String fileName) {
        return root().resolve("models").resolve(fileName);
    }

    public static Path caseDir(String caseName) {
        return root().resolve("cases").resolve(caseName);
    }
}
