package dev.yolocam.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One folder of {@code ../shared/oracle/cases} (or of oracle-v8's): its meta.json, dets.json and .npy files. */
public record OracleCase(String name, Path dir, JsonNode meta, JsonNode dets) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static OracleCase load(String name) {
        return of(Oracle.caseDir(name));
    }

    /** A case of the YOLOv8/YOLO11 oracle ({@link OracleV8}); its images are the YOLOv5 oracle's. */
    public static OracleCase loadUltralytics(String name) {
        return of(OracleV8.caseDir(name));
    }

    /** Every case folder of the YOLOv8/YOLO11 oracle (skips the calling test when it is absent). */
    public static List<OracleCase> allUltralytics() {
        try (Stream<Path> dirs = Files.list(OracleV8.root().resolve("cases"))) {
            return dirs.filter(Files::isDirectory).sorted().map(OracleCase::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OracleCase of(Path dir) {
        return new OracleCase(dir.getFileName().toString(), dir, json(dir.resolve("meta.json")),
                json(dir.resolve("dets.json")));
    }

    /** Every case folder of the oracle (skips the calling test when the oracle is absent). */
    public static List<OracleCase> all() {
        try (Stream<Path> dirs = Files.list(Oracle.root().resolve("cases"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .map(OracleCase::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case's model file, in the {@code models} folder beside {@code cases}. */
    public Path weights() {
        return dir.getParent().getParent().resolve("models").resolve(meta.path("model").path("weights_file").asText());
    }

    public Path image() {
        String file = meta.path("preprocess").path("image_file").asText();
        Path direct = Oracle.image(file);
        return Files.exists(direct) ? direct : Oracle.image("shapes/" + file);
    }

    public boolean has(String file) {
        return Files.exists(dir.resolve(file));
    }

    public INDArray npy(String file) {
        return Nd4j.createFromNpyFile(dir.resolve(file).toFile());
    }

    @Override
    public String toString() {
        return name;
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
