package dev.yolocam.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small labelled dataset for audit tests: the embedded model's sample images with their labels beside them. */
public final class SampleDataset {
    private SampleDataset() {
    }

    /** The first {@code n} sample images (of 6) and their label files, copied into {@code folder}; returns it. */
    public static Path copy(Path folder, int n) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < n; i++) {
            for (String ext : List.of(".png", ".txt")) {
                String name = String.format("test_%04d%s", i, ext);
                Files.copy(Oracle.testdata().resolve("default/images").resolve(name), folder.resolve(name));
            }
        }
        return folder;
    }
}
