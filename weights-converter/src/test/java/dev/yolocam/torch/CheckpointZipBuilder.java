package dev.yolocam.torch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Assembles a {@code torch.save}-style zip ({@code <folder>/data.pkl}, {@code <folder>/data/<key>},
 * {@code <folder>/version}, optional {@code byteorder}) from a pickle and raw storages, for tests that need
 * checkpoints no Python produced: views over shared storages, every dtype, big-endian files, and hostile archives
 * (arbitrary extra entry names, missing storages).
 */
public final class CheckpointZipBuilder {
    private final String folder;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private boolean deflate;

    private CheckpointZipBuilder(String folder) {
        this.folder = folder;
        entries.put(folder + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A checkpoint whose top folder is {@code folder} (torch.save names it after the file, or "archive"). */
    public static CheckpointZipBuilder inFolder(String folder) {
        return new CheckpointZipBuilder(folder);
    }

    public static CheckpointZipBuilder archive() {
        return inFolder("archive");
    }

    public CheckpointZipBuilder pickle(byte[] pickle) {
        entries.put(folder + "/data.pkl", pickle);
        return this;
    }

    /** The bytes of storage {@code data/<key>}, exactly as they go into the zip. */
    public CheckpointZipBuilder storage(String key, byte[] bytes) {
        entries.put(folder + "/data/" + key, bytes);
        return this;
    }

    public CheckpointZipBuilder byteorder(String order) {
        entries.put(folder + "/byteorder", order.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** An entry with any name at all, outside the folder rules (for zip-slip and junk entries). */
    public CheckpointZipBuilder rawEntry(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    public CheckpointZipBuilder withoutEntry(String nameInFolder) {
        entries.remove(folder + "/" + nameInFolder);
        return this;
    }

    /** Deflate entries instead of storing them (torch stores them). */
    public CheckpointZipBuilder deflated() {
        deflate = true;
        return this;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                byte[] data = entry.getValue();
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(data.length);
                    zipEntry.setCompressedSize(data.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public Path writeTo(Path file) {
        try {
            Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    // ----- storage bytes

    public static byte[] float32(ByteOrder order, float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    public static byte[] float64(ByteOrder order, double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    public static byte[] int64(ByteOrder order, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(order);
        for (long v : values) {
            buffer.putLong(v);
        }
        return buffer.array();
    }

    /** 16-bit patterns (IEEE half or bfloat16 bits) in the given byte order. */
    public static byte[] bits16(ByteOrder order, int... patterns) {
        ByteBuffer buffer = ByteBuffer.allocate(patterns.length * 2).order(order);
        for (int p : patterns) {
            buffer.putShort((short) p);
        }
        return buffer.array();
    }
}
