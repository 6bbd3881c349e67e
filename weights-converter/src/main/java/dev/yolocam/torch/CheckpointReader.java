package dev.yolocam.torch;

import dev.yolocam.errors.CheckpointException;
import dev.yolocam.errors.UnsafeCheckpointException;
import dev.yolocam.errors.YolocamException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a {@code torch.save} checkpoint (PyTorch's zip format) without executing anything: the zip entries are
 * checked and counted ({@link CheckpointArchive}), {@code data.pkl} is read by the allow-listing
 * {@link RestrictedUnpickler}, and the result becomes a {@link Checkpoint} ({@link ModuleTreeExtractor}).
 *
 * <p>Whatever the file holds, the only exceptions are {@link YolocamException}s with a one-line message:
 * {@link CheckpointException} for a file that is corrupt, truncated or not a checkpoint,
 * {@link UnsafeCheckpointException} for one that names a Python global outside the allow-list, has zip-slip entry
 * names or exceeds the {@link ReaderLimits}, and {@link dev.yolocam.errors.UnsupportedModelException} for a
 * readable checkpoint that holds no YOLOv5 detection model or state_dict.
 */
public final class CheckpointReader {
    private CheckpointReader() {
    }

    /** Reads a checkpoint with the {@link ReaderLimits#DEFAULT default limits}. */
    public static Checkpoint read(Path file) {
        return read(file, ReaderLimits.DEFAULT);
    }

    public static Checkpoint read(Path file, ReaderLimits limits) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        try (CheckpointArchive archive = CheckpointArchive.open(file, limits)) {
            byte[] pickle = archive.readPickle();
            RestrictedUnpickler unpickler = new RestrictedUnpickler(file, limits, new TorchStorages(file, archive));
            Object top = unpickler.load(pickle);
            return new ModuleTreeExtractor(file, limits).extract(top, unpickler.globalsSeen());
        } catch (YolocamException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new UnsafeCheckpointException(file, "reading it needs more memory than the JVM has (limits: "
                    + "see ReaderLimits)");
        } catch (RuntimeException | StackOverflowError e) {
            // A safety net: every known failure is mapped where it happens; this keeps the contract if one is not.
            throw new CheckpointException(file, "corrupt checkpoint (" + e.getClass().getSimpleName() + ": "
                    + SafeText.oneLine(e.getMessage()) + ")", e);
        }
    }
}
