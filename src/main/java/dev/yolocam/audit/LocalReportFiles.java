package dev.yolocam.audit;

import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.AtomicFiles;
import dev.yolocam.io.OsReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An audit folder on the local file system; files are written atomically ({@link AtomicFiles}). */
public record LocalReportFiles(Path folder) implements ReportFiles {

    /** The file's bytes; null when it does not exist or its path leads out of the folder. */
    @Override
    public byte[] read(String relativePath) {
        Path file = resolve(relativePath);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new YolocamException(file, "cannot read: " + OsReason.of(e, file), e);
        }
    }

    @Override
    public void write(String relativePath, byte[] content) {
        Path file = resolve(relativePath);
        if (file == null) {
            throw new IllegalArgumentException("not a path inside the audit folder: " + relativePath);
        }
        AtomicFiles.write(file, content);
    }

    private Path resolve(String relativePath) {
        Path root = folder.toAbsolutePath().normalize();
        Path file = root.resolve(relativePath).normalize();
        return file.startsWith(root) && !file.equals(root) ? file : null;
    }
}
