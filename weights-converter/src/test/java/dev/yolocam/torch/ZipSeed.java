package dev.yolocam.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real zip-based model file (a {@code torch.save} checkpoint or a {@code .yolocam} model) loaded for fuzzing:
 * its bytes, its layout and its entries' contents in zip order.
 *
 * @param fileName the seed's file name, for case descriptions
 * @param bytes    the file as it is
 * @param layout   where its headers, data and directory lie
 * @param entries  entry name to uncompressed content, in zip order
 */
record ZipSeed(String fileName, byte[] bytes, ZipLayout layout, Map<String, byte[]> entries) {

    static ZipSeed load(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
            byte[] bytes = Files.readAllBytes(file);
            return new ZipSeed(file.getFileName().toString(), bytes, ZipLayout.of(bytes),
                    Collections.unmodifiableMap(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> entryNames() {
        return List.copyOf(entries.keySet());
    }

    /** The one entry whose name ends with {@code suffix} (e.g. "/data.pkl"). */
    String entryEndingWith(String suffix) {
        return entries.keySet().stream().filter(n -> n.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(fileName + " has no entry ending with " + suffix));
    }

    /** A new zip (entries stored, in this order) with the given names and contents. */
    static byte[] zip(Map<String, byte[]> entries) {
        CheckpointZipBuilder builder = CheckpointZipBuilder.inFolder("seed").withoutEntry("version");
        entries.forEach(builder::rawEntry);
        return builder.toBytes();
    }

    @Override
    public String toString() {
        return fileName;
    }
}
