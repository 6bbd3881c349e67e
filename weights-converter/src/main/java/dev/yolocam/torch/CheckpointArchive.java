package dev.yolocam.torch;

import dev.yolocam.errors.CheckpointException;
import dev.yolocam.errors.UnsafeCheckpointException;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The zip side of a {@code torch.save} file: one top folder holding {@code data.pkl}, {@code data/<key>} storages,
 * {@code version} and maybe {@code byteorder}. Entry names are checked (no zip-slip names, no duplicates), and
 * every byte read is counted against the limits; the sizes that zip headers declare are only used to refuse early,
 * never trusted for allocation.
 */
final class CheckpointArchive implements Closeable {
    private static final byte[] ZIP_MAGIC = {'P', 'K'};
    /** PROTO 2, then LONG1 of torch's legacy magic number 0x1950a86a20f9469cfc6c. */
    private static final byte[] LEGACY_TORCH_MAGIC =
            {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a,
                (byte) 0xa8, 0x50, 0x19};
    private static final int READ_CHUNK = 1 << 16;
    private static final int MAX_SMALL_ENTRY = 64;

    private final Path file;
    private final ReaderLimits limits;
    private final ZipFile zip;
    private final String folder;
    private final boolean bigEndian;
    private final List<String> entryNames;
    private long totalRead;

    private CheckpointArchive(Path file, ReaderLimits limits, ZipFile zip, String folder, List<String> entryNames) {
        this.file = file;
        this.limits = limits;
        this.zip = zip;
        this.folder = folder;
        this.entryNames = entryNames;
        this.bigEndian = readByteOrder();
    }

    /** Opens the file as a checkpoint archive, or says in one line why it is not one. */
    static CheckpointArchive open(Path file, ReaderLimits limits) {
        requireZipFile(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file, "not a PyTorch checkpoint (corrupt or truncated zip archive: "
                    + SafeText.oneLine(e.getMessage()) + ")", e);
        }
        try {
            List<String> names = checkedEntryNames(file, zip, limits);
            String folder = checkpointFolder(file, names);
            return new CheckpointArchive(file, limits, zip, folder, names);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static void requireZipFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new CheckpointException(file, "is a directory, not a checkpoint file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "no such checkpoint file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(LEGACY_TORCH_MAGIC.length);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read the file (" + SafeText.oneLine(e.toString()) + ")", e);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return;
        }
        if (startsWith(head, LEGACY_TORCH_MAGIC)) {
            throw new CheckpointException(file, "legacy (pre-1.6) torch.save format, not a zip archive: re-save it "
                    + "with torch>=1.6 (torch.save(torch.load(f), f)) to read it");
        }
        throw new CheckpointException(file, "not a PyTorch checkpoint (not a zip archive)");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static List<String> checkedEntryNames(Path file, ZipFile zip, ReaderLimits limits) {
        if (zip.size() > limits.maxZipEntries()) {
            throw new UnsafeCheckpointException(file, "the zip archive has " + zip.size()
                    + " entries, more than the limit of " + limits.maxZipEntries());
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            requireSafeName(file, name);
            if (!seen.add(name)) {
                throw new CheckpointException(file, "the zip archive has two entries named " + SafeText.quote(name));
            }
            names.add(name);
        }
        return names;
    }

    /** Names that would escape a folder if extracted (zip-slip) are refused even though nothing is extracted. */
    private static void requireSafeName(Path file, String name) {
        boolean escapes = name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':');
        for (String segment : name.split("/", -1)) {
            escapes |= segment.equals("..");
        }
        if (escapes) {
            throw new UnsafeCheckpointException(file, "zip entry name " + SafeText.quote(name)
                    + " is absolute or escapes the archive folder (zip-slip)");
        }
    }

    private static String checkpointFolder(Path file, List<String> names) {
        String folder = null;
        for (String name : names) {
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                if (folder != null) {
                    throw new CheckpointException(file, "the zip archive holds more than one data.pkl");
                }
                folder = name.substring(0, slash + 1);
            }
        }
        if (folder == null) {
            if (names.stream().anyMatch(n -> n.endsWith("/constants.pkl"))) {
                throw new CheckpointException(file, "is a TorchScript archive (torch.jit.save), not a torch.save "
                        + "checkpoint");
            }
            throw new CheckpointException(file, "not a PyTorch checkpoint (the zip archive has no <folder>/data.pkl)");
        }
        return folder;
    }

    /** Every entry name of the archive, in zip order. */
    List<String> entryNames() {
        return entryNames;
    }

    byte[] readPickle() {
        ZipEntry entry = zip.getEntry(folder + "data.pkl");
        return readUpTo(entry, "data.pkl", limits.maxPickleBytes());
    }

    /**
     * The little-endian bytes of storage {@code data/<key>}, which must hold exactly {@code numel} elements.
     */
    TensorData.Storage readStorage(String key, DType dtype, long numel) {
        String name = "data/" + key;
        long expected;
        try {
            expected = Math.multiplyExact(numel, dtype.bytes());
        } catch (ArithmeticException e) {
            expected = Long.MAX_VALUE;
        }
        if (expected > limits.maxEntryBytes()) {
            throw new UnsafeCheckpointException(file, "storage " + SafeText.quote(name) + " claims " + numel + " "
                    + dtype.numpyName() + " elements, more than the limit of " + limits.maxEntryBytes() + " bytes");
        }
        ZipEntry entry = zip.getEntry(folder + name);
        if (entry == null || entry.isDirectory()) {
            throw new CheckpointException(file, "storage " + SafeText.quote(name) + " is missing from the archive");
        }
        if (entry.getSize() >= 0 && entry.getSize() != expected) {
            throw sizeMismatch(name, entry.getSize(), numel, dtype, expected);
        }
        byte[] bytes = readExactly(entry, name, (int) expected, numel, dtype);
        if (bigEndian) {
            swapToLittleEndian(bytes, dtype.bytes());
        }
        return new TensorData.Storage(key, dtype, bytes);
    }

    private CheckpointException sizeMismatch(String name, long actual, long numel, DType dtype, long expected) {
        return new CheckpointException(file, "storage " + SafeText.quote(name) + " holds " + actual
                + " bytes, but the pickle says " + numel + " " + dtype.numpyName() + " elements (" + expected
                + " bytes)");
    }

    private boolean readByteOrder() {
        ZipEntry entry = zip.getEntry(folder + "byteorder");
        if (entry == null) {
            return false;
        }
        String order = new String(readUpTo(entry, "byteorder", MAX_SMALL_ENTRY), StandardCharsets.US_ASCII).strip();
        return switch (order) {
            case "little" -> false;
            case "big" -> true;
            default -> throw new CheckpointException(file, "unknown byteorder " + SafeText.quote(order));
        };
    }

    private byte[] readUpTo(ZipEntry entry, String name, long max) {
        if (entry.getSize() > max) {
            throw tooLarge(name, max);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[READ_CHUNK];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total > max) {
                    throw tooLarge(name, max);
                }
                count(n);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private byte[] readExactly(ZipEntry entry, String name, int length, long numel, DType dtype) {
        count(length);
        byte[] bytes = new byte[length];
        try (InputStream in = zip.getInputStream(entry)) {
            int read = in.readNBytes(bytes, 0, length);
            if (read < length) {
                throw sizeMismatch(name, read, numel, dtype, length);
            }
            if (in.read() >= 0) {
                throw sizeMismatch(name, (long) length + 1, numel, dtype, length);
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private void count(long bytes) {
        totalRead += bytes;
        if (totalRead > limits.maxTotalBytes()) {
            throw new UnsafeCheckpointException(file, "the archive unpacks to more than "
                    + limits.maxTotalBytes() + " bytes (limit)");
        }
    }

    private UnsafeCheckpointException tooLarge(String name, long max) {
        return new UnsafeCheckpointException(file, "zip entry " + SafeText.quote(name)
                + " is larger than the limit of " + max + " bytes");
    }

    private CheckpointException unreadable(String name, IOException e) {
        String kind = e instanceof ZipException ? "corrupt" : "unreadable";
        return new CheckpointException(file, "zip entry " + SafeText.quote(name) + " is " + kind + " ("
                + SafeText.oneLine(e.getMessage()) + ")", e);
    }

    private static void swapToLittleEndian(byte[] bytes, int width) {
        for (int start = 0; start + width <= bytes.length; start += width) {
            for (int i = 0, j = width - 1; i < j; i++, j--) {
                byte b = bytes[start + i];
                bytes[start + i] = bytes[start + j];
                bytes[start + j] = b;
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Nothing was written; a failed close of a read-only zip loses nothing.
        }
    }
}
