package dev.yolocam.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.io.NpyFile;
import dev.yolocam.testing.Oracle;
import dev.yolocam.testing.OracleV8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads one oracle case folder (meta.json, dets.json, .npy arrays) for the detect package's parity tests. */
record OracleCases(String name, Path dir, JsonNode meta, JsonNode dets) {
    /** The cases the README documents; {@link #listed()} tells whether the folder holds more. */
    static final List<String> NAMES = List.of(
            "random_bus_320", "random_zidane_320", "shapes_a_320", "shapes_b_320", "shapes_nonsq_320");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The YOLOv8/YOLO11 oracle's cases (Ultralytics 8.3.166), on the YOLOv5 oracle's images. */
    static final List<String> ULTRALYTICS_NAMES = List.of(
            "shapes11_a_320", "shapes8_a_320", "v11m025nc3_shapes_320", "v11n_bus_320", "v8n_bus_320");

    static OracleCases load(String name) {
        return of(name, Oracle.caseDir(name));
    }

    static OracleCases loadUltralytics(String name) {
        return of(name, OracleV8.caseDir(name));
    }

    private static OracleCases of(String name, Path dir) {
        return new OracleCases(name, dir, json(dir.resolve("meta.json")), json(dir.resolve("dets.json")));
    }

    /** Names of the case folders actually present. */
    static List<String> listed() {
        try (Stream<Path> dirs = Files.list(Oracle.root().resolve("cases"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The original image: meta.json names the file; the shapes test images live in images/shapes/. */
    Path image() {
        String file = meta.path("preprocess").path("image_file").asText();
        Path direct = Oracle.image(file);
        return Files.exists(direct) ? direct : Oracle.image("shapes/" + file);
    }

    JsonNode preprocess() {
        return meta.path("preprocess");
    }

    NpyFile.FloatArray npy(String file) {
        return NpyFile.read(dir.resolve(file));
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
