package dev.yolocam.audit;

import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.OsReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@link DatasetFiles} on the local file system. */
public final class LocalDatasetFiles implements DatasetFiles {
    @Override
    public boolean isFile(String location) {
        return Files.isRegularFile(Path.of(location));
    }

    @Override
    public boolean isDirectory(String location) {
        return Files.isDirectory(Path.of(location));
    }

    @Override
    public List<String> listFiles(String folder) {
        Path root = Path.of(folder);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(Path::toString).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException io = e instanceof IOException ioe ? ioe : ((java.io.UncheckedIOException) e).getCause();
            throw new YolocamException(root, "cannot list the dataset's images: " + OsReason.of(io, root), e);
        }
    }

    @Override
    public String readText(String location) {
        Path file = Path.of(location);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new YolocamException(file, "cannot read: " + OsReason.of(e, file), e);
        }
    }
}
