package dev.yolocam.io;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * YOLOv5's run directories: {@code runs/detect/exp}, then {@code exp2}, {@code exp3}, ... unless {@code exist-ok}
 * reuses the given one. A folder is claimed by creating it, so runs started together never share one; it is
 * checked for writing before any work starts; and {@link #removeIfEmpty()} removes it again when this run created
 * it and wrote nothing into it.
 */
public final class OutputDirectory {
    private static final int MAX_NUMBER = 100_000;
    /** Folders claimed and not yet released; on Ctrl-C the commands' own clean-up does not run. */
    private static final Set<OutputDirectory> UNRELEASED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(UNRELEASED)
                .forEach(OutputDirectory::removeIfEmpty), "yolocam-remove-empty-run-folder"));
    }

    private final Path path;
    private final boolean createdByThisRun;

    private OutputDirectory(Path path, boolean createdByThisRun) {
        this.path = path;
        this.createdByThisRun = createdByThisRun;
        if (createdByThisRun) {
            UNRELEASED.add(this);
        }
    }

    /**
     * Claims {@code requested} (created if missing, an existing folder reused) when {@code existOk}; otherwise the
     * first of {@code requested}, {@code requested2}, ... that this call creates. Fails in one line naming the
     * folder and the operating system's reason when it cannot be created or written.
     */
    public static OutputDirectory claim(Path requested, boolean existOk) {
        OutputDirectory claimed;
        try {
            claimed = existOk ? new OutputDirectory(requested, createFolders(requested)) : claimNumbered(requested);
        } catch (IOException e) {
            throw new YolocamException(requested, "cannot create this folder: " + OsReason.of(e, requested), e);
        }
        try {
            claimed.checkWritable();
        } catch (IOException e) {
            claimed.removeIfEmpty();
            throw new YolocamException(claimed.path, "cannot write into this folder: " + OsReason.of(e, claimed.path),
                    e);
        }
        return claimed;
    }

    /** The folder a single output file will be written into, claimed as with {@code exist-ok}. */
    public static OutputDirectory ofFile(Path file) {
        Path folder = file.getParent();
        return claim(folder != null ? folder : Path.of("."), true);
    }

    private static OutputDirectory claimNumbered(Path requested) throws IOException {
        Path parent = requested.toAbsolutePath().getParent();
        if (parent != null) {
            createFolders(parent);
        }
        String name = requested.getFileName().toString();
        for (int n = 1; n < MAX_NUMBER; n++) {
            Path candidate = n == 1 ? requested : requested.resolveSibling(name + n);
            try {
                Files.createDirectory(candidate);
                return new OutputDirectory(candidate, true);
            } catch (FileAlreadyExistsException taken) {
                // another run (or an earlier one) has it: try the next number
            }
        }
        throw new YolocamException(requested, "too many numbered output directories");
    }

    /** Creates {@code dir} and any missing parents; true when {@code dir} itself was created by this call. */
    private static boolean createFolders(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return false;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            createFolders(parent);
        }
        try {
            Files.createDirectory(dir);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(dir)) {
                return false; // created by another run in the meantime
            }
            throw new NotDirectoryException(dir.toString());
        }
    }

    /** Writes and deletes a probe file: permissions, a read-only file system or a full disk show up now. */
    private void checkWritable() throws IOException {
        Path probe = Files.createTempFile(path, ".yolocam-write-check", ".tmp");
        try {
            Files.write(probe, new byte[] {0});
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String file) {
        return path.resolve(file);
    }

    /** Releases the folder: removes it when this run created it and wrote nothing into it. Only the first call acts. */
    public void removeIfEmpty() {
        if (!createdByThisRun || !UNRELEASED.remove(this)) {
            return;
        }
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
