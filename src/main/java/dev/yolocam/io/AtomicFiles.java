package dev.yolocam.io;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every output file is written under a temporary name in its own directory and moved into place when complete,
 * so a failed or interrupted run never leaves a half-written file behind.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Temporary files being written now; on Ctrl-C the JVM exits without running their writers' finally blocks. */
    private static final Set<Path> UNFINISHED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteUnfinished, "yolocam-delete-part-files"));
    }

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) {
        Path temp = null;
        try {
            temp = temporaryFor(target);
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writer.writeTo(out);
            }
            moveIntoPlace(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new YolocamException(target, "cannot write: " + OsReason.of(e, target), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * A hidden temporary name next to {@code target} (its directory created), for a writer that cannot hand over
     * an OutputStream (a video muxer opens the file itself); {@link #moveIntoPlace} publishes it. Until then an
     * interrupted run deletes it on the way out.
     */
    public static Path temporaryFor(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file owner-only, and the move would keep it so.
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
        UNFINISHED.add(temp);
        return temp;
    }

    /** Moves a complete temporary file onto {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        UNFINISHED.remove(temp);
    }

    /** Removes a temporary file that will not be published; null is allowed. */
    public static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the temporary name is hidden and says .part
        } finally {
            UNFINISHED.remove(temp);
        }
    }

    private static void deleteUnfinished() {
        List.copyOf(UNFINISHED).forEach(AtomicFiles::deleteQuietly);
    }

    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }
}
