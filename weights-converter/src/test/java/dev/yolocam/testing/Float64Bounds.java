package dev.yolocam.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What float32 can be trusted to in one reference case, measured by rerunning it in float64: the oracle's
 * {@code precision_fp64.json} (forward outputs and CAMs) or a fixture's {@code <prefix>.precision_fp64.json}, plus,
 * for the oracle's gradient files and its section-9b CAM files, {@code testdata/oracle-precision/<case>.json} (measured
 * by testdata/oracle-precision/measure.py, the oracle having shipped no float64 bounds for them). The YOLOv8/YOLO11 oracle shipped
 * no float64 bounds at all: its cases' bounds, forward and gradients alike, are {@code
 * testdata/oracle-precision/<case>.json} (measured by testdata/oracle-precision/measure_v8.py). Tests turn these bounds
 * into tolerances with {@link Tolerance}.
 */
public final class Float64Bounds {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name;
    private final JsonNode forward;
    /** Our own float64 measurements (gradients; the oracle's section-9b CAMs). */
    private final JsonNode measured;

    private Float64Bounds(String name, JsonNode forward, JsonNode measured) {
        this.name = name;
        this.forward = forward;
        this.measured = measured;
    }

    /** The bounds of an oracle case (its precision_fp64.json and our gradient measurement when present). */
    public static Float64Bounds ofOracleCase(OracleCase c) {
        Path grads = Oracle.testdata().resolve("oracle-precision").resolve(c.name() + ".json");
        return new Float64Bounds(c.name(), read(c.dir().resolve("precision_fp64.json")),
                Files.exists(grads) ? read(grads) : JSON.createObjectNode());
    }

    /**
     * The bounds of a YOLOv8/YOLO11 oracle case ({@code OracleV8.caseDir(caseName)}), all read from
     * {@code testdata/oracle-precision/<caseName>.json}; refuses a folder of another name than the case measured.
     */
    public static Float64Bounds ofOracleV8Case(Path caseDir, String caseName) {
        Path file = Oracle.testdata().resolve("oracle-precision").resolve(caseName + ".json");
        JsonNode measured = read(file);
        if (!caseName.equals(caseDir.getFileName().toString()) || !caseName.equals(measured.path("case").asText())) {
            throw new IllegalArgumentException(file + " measures case '" + measured.path("case").asText()
                    + "', not the oracle folder " + caseDir);
        }
        return new Float64Bounds(caseName, measured, measured);
    }

    /** The bounds generate.py measured for one input of a fixture ({@code <prefix>.precision_fp64.json}). */
    public static Float64Bounds ofFixture(Path fixtures, String prefix) {
        return new Float64Bounds(prefix, read(fixtures.resolve(prefix + ".precision_fp64.json")),
                JSON.createObjectNode());
    }

    /** Raw Detect output, box columns (x, y, w, h in input pixels). */
    public Tolerance rawCoordinates() {
        JsonNode b = forward.path("raw_fused64").path("xywh");
        return Tolerance.absolute(name + " raw coordinates", need(b, "max_abs_diff"), need(b, "max_abs_ref"));
    }

    /**
     * Raw Detect output, probability columns: objectness and classes (YOLOv5, {@code obj_cls}) or classes only
     * (Ultralytics, {@code cls}).
     */
    public Tolerance rawProbabilities() {
        JsonNode raw = forward.path("raw_fused64");
        JsonNode b = raw.has("cls") ? raw.path("cls") : raw.path("obj_cls");
        return Tolerance.absolute(name + " raw probabilities", need(b, "max_abs_diff"), 1.0);
    }

    /**
     * A stored layer output ({@code "17"}, or {@code "24_0"} for a Detect level; a fixture's {@code "layer_17"}),
     * relative to its largest magnitude.
     */
    public Tolerance layer(String key) {
        JsonNode layers = forward.path("layers_fused64");
        JsonNode b = layers.has(key) ? layers.path(key) : layers.path("layer_" + key);
        return Tolerance.relative(name + " layer " + key, need(b, "rel_to_max"));
    }

    /**
     * A CAM file's key ({@code GradCAM__Lm2__T2}): maps lie in [0, 1]. The oracle's section-9b files (FEM,
     * ShapleyCAM, RefineCAM, FinerCAM) came after its precision_fp64.json: their bounds are ours
     * ({@code testdata/oracle-precision/<case>.json}, measure.py).
     */
    public Optional<Tolerance> cam(String key) {
        JsonNode b = forward.path("cams_fused64").path(key);
        if (b.isMissingNode()) {
            b = measured.path("cams_fused64").path(key);
        }
        return b.isMissingNode() ? Optional.empty()
                : Optional.of(Tolerance.absolute(name + " " + key, need(b, "max_abs_diff"), 1.0));
    }

    /** A gradient file's key ({@code grad__Lm2__T1}), relative to its largest magnitude. */
    public Optional<Tolerance> gradient(String key) {
        JsonNode b = measured.path("gradients_fused64").path(key);
        return b.isMissingNode() ? Optional.empty()
                : Optional.of(Tolerance.relative(name + " " + key, need(b, "rel_to_max")));
    }

    private double need(JsonNode node, String field) {
        if (!node.path(field).isNumber()) {
            throw new IllegalStateException(name + ": no measured float64 bound '" + field + "' in " + node);
        }
        return node.path(field).asDouble();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
