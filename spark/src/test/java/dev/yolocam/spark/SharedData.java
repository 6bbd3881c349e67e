package dev.yolocam.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared oracle model and datasets, found as the app module's tests find them ({@code yolocam.oracle}, set by
 * the build to {@code ../shared/oracle} beside the checkout); a test that needs them is skipped, saying where they
 * were looked for, when they are absent.
 */
final class SharedData {
    private SharedData() {
    }

    static Path model(String fileName) {
        Path model = oracle().resolve("models").resolve(fileName);
        assumeTrue(Files.isRegularFile(model), "model not found at " + model + "; skipping");
        return model;
    }

    static Path dataset(String name) {
        Path dataset = oracle().resolveSibling("datasets").resolve(name);
        assumeTrue(Files.isDirectory(dataset), "dataset not found at " + dataset + "; skipping");
        return dataset;
    }

    private static Path oracle() {
        String configured = System.getProperty("yolocam.oracle");
        Path root = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "oracle"))
                .toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(root), "oracle data not found at " + root
                + " (set -Dyolocam.oracle=...); skipping");
        return root;
    }
}
