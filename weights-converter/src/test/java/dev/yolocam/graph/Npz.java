package dev.yolocam.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads numpy {@code .npz} archives, including {@code np.savez_compressed} ones (ND4J's
 * {@code Nd4j.createFromNpzFile} reads only stored, uncompressed entries).
 */
final class Npz {
    private Npz() {
    }

    /** Array name (the entry name without {@code .npy}) to array, in archive order. */
    static Map<String, INDArray> read(Path file) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".npy")) {
                    throw new IOException(file + ": unexpected entry " + name);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name.substring(0, name.length() - 4), Nd4j.createNpyFromByteArray(in.readAllBytes()));
                }
            }
        }
        return arrays;
    }
}
