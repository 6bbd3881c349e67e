package dev.yolocam.io;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * YOLOv5's run directories: {@code runs/detect/exp}, then {@code exp2}, {@code exp3}, ... unless {@code exist-ok}
 * reuses the given one. The directory is created lazily by the first file written into it, and removed again by
 * {@link #removeIfEmpty()} when a run produced nothing.
 */
public final class OutputDirectory {
    private final Path path;

    private OutputDirectory(Path path) {
        this.path = path;
    }

    public static OutputDirectory choose(Path requested, boolean existOk) {
        if (existOk || !Files.exists(requested)) {
            return new OutputDirectory(requested);
        }
        String name = requested.getFileName().toString();
        Path parent = requested.toAbsolutePath().getParent();
        for (int n = 2; n < 100_000; n++) {
            Path candidate = parent.resolve(name + n);
            if (!Files.exists(candidate)) {
                return new OutputDirectory(requested.resolveSibling(name + n));
            }
        }
        throw new YolocamException(requested, "too many numbered output directories");
    }

    public Path path() {
        return path;
    }

    public Path resolve(String file) {
        return path.resolve(file);
    }

    public void removeIfEmpty() {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(path);
                    }
                }
            }
        } catch (IOException ignored) {
            // leaving an empty directory is harmless
        }
    }
}
