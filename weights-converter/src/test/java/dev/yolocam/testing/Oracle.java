package dev.yolocam.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reference data made by upstream YOLOv5 / pytorch-grad-cam lives ({@code ../shared/oracle}, or the
 * {@code yolocam.oracle} system property). Tests that need it call {@link #root()} and are skipped, with a message
 * saying where it was looked for, when it is absent.
 */
public final class Oracle {
    private Oracle() {
    }

    public static Path root() {
        String configured = System.getProperty("yolocam.oracle");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "oracle");
        root = root.toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root.resolve("cases")),
                "oracle data not found at " + root + " (set -Dyolocam.oracle=...); skipping parity test");
        return root;
    }

    public static Path model(String fileName) {
        return root().resolve("models").resolve(fileName);
    }

    public static Path caseDir(String caseName) {
        return root().resolve("cases").resolve(caseName);
    }

    public static Path image(String relative) {
        return root().resolve("images").resolve(relative);
    }

    /** The project's committed fixtures ({@code testdata/}). */
    public static Path testdata() {
        String configured = System.getProperty("yolocam.testdata");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "testdata");
        return root.toAbsolutePath().normalize();
    }
}
