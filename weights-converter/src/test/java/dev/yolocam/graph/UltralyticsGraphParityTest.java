package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.graph.blocks.DetectBlock;
import dev.yolocam.testing.Float64Bounds;
import dev.yolocam.testing.OracleV8;
import dev.yolocam.testing.Tolerance;
import dev.yolocam.torch.CheckpointReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The SameDiff graph of YOLOv8 / YOLO11 checkpoints against what upstream Ultralytics 8.3.166 stored in
 * shared/oracle-v8: every {@code layer_<i>.npy} against {@code model.<i>}, every Detect level
 * {@code layer_<D>_<k>.npy} against {@code model.<D>/level<k>} (NHWC in the graph, permuted here to upstream's NCHW),
 * and {@code raw.npy} against the Detect output (B, 4+nc, N); each within the tolerance {@link Tolerance} derives
 * from the case's measured float32-vs-float64 bound ({@code testdata/oracle-precision/<case>.json}). A case whose
 * bounds file is absent is compared and its differences printed, then skipped.
 */
class UltralyticsGraphParityTest {
    private static final Pattern LAYER = Pattern.compile("layer_(\\d+)\\.npy");
    private static final Pattern LEVEL = Pattern.compile("layer_(\\d+)_(\\d+)\\.npy");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Comparison> COMPARISONS = new HashMap<>();

    /** One oracle-v8 case folder. */
    record Case(String name, Path dir) {
        INDArray npy(String file) {
            return Nd4j.createFromNpyFile(dir.resolve(file).toFile());
        }

        Path weights() {
            try {
                return OracleV8.model(JSON.readTree(dir.resolve("meta.json").toFile()).path("model")
                        .path("weights_file").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Our outputs against the stored ones: per file, max |diff| and the stored max |value|; raw split in columns. */
    record Comparison(Map<String, double[]> layers, double rawBoxes, double rawBoxMagnitude, double rawClasses) {
    }

    static List<Case> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(OracleV8.root().resolve("cases"))) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(d -> new Case(d.getFileName().toString(), d)).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyStoredLayerAndDetectLevelMatchesWithinItsMeasuredFloat32Bound(Case c) throws IOException {
        Comparison comparison = compare(c);
        Float64Bounds bounds = Float64Bounds.ofOracleV8Case(c.dir(), c.name());
        for (Map.Entry<String, double[]> e : comparison.layers().entrySet()) {
            double diff = e.getValue()[0];
            double max = e.getValue()[1];
            Tolerance tolerance = bounds.layer(e.getKey());
            assertTrue(tolerance.admits(diff / max), "layer " + e.getKey() + ": max abs diff " + diff + " vs max "
                    + max + "; " + tolerance);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rawDetectOutputMatchesOnBoxesAndClassProbabilities(Case c) throws IOException {
        Comparison comparison = compare(c);
        Float64Bounds bounds = Float64Bounds.ofOracleV8Case(c.dir(), c.name());
        Tolerance boxes = bounds.rawCoordinates();
        Tolerance classes = bounds.rawProbabilities();
        assertTrue(boxes.admits(comparison.rawBoxes()), "boxes differ by " + comparison.rawBoxes() + "; " + boxes);
        assertTrue(classes.admits(comparison.rawClasses()), "class probabilities differ by "
                + comparison.rawClasses() + "; " + classes);
    }

    private static synchronized Comparison compare(Case c) throws IOException {
        Comparison done = COMPARISONS.get(c.name());
        if (done == null) {
            done = measure(c);
            COMPARISONS.put(c.name(), done);
        }
        return done;
    }

    private static Comparison measure(Case c) throws IOException {
        Path weights = c.weights();
        ModelDescription model = ModelDescription.of(CheckpointReader.read(weights).model().orElseThrow(), weights);
        INDArray input = c.npy("input.npy");
        YoloGraph graph = GraphBuilder.build(model, GraphSpec.forward((int) input.size(2), (int) input.size(3)));
        Map<String, String> fileToVariable = new TreeMap<>();
        Map<String, String> fileToKey = new HashMap<>();
        try (Stream<Path> files = Files.list(c.dir())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = p.getFileName().toString();
                Matcher layer = LAYER.matcher(f);
                Matcher level = LEVEL.matcher(f);
                if (layer.matches()) {
                    fileToVariable.put(f, "model." + layer.group(1));
                    fileToKey.put(f, layer.group(1));
                } else if (level.matches()) {
                    fileToVariable.put(f, DetectBlock.levelName("model." + level.group(1),
                            Integer.parseInt(level.group(2))));
                    fileToKey.put(f, level.group(1) + "_" + level.group(2));
                }
            }
        }
        assertFalse(fileToVariable.isEmpty(), c + " has layer files");
        List<String> wanted = new ArrayList<>(fileToVariable.values());
        wanted.add(graph.outputName());
        Map<String, INDArray> ours = graph.outputs(input, wanted);
        Map<String, double[]> layers = new TreeMap<>();
        for (Map.Entry<String, String> e : fileToVariable.entrySet()) {
            INDArray expected = c.npy(e.getKey());
            INDArray actual = ours.get(e.getValue());
            if (LEVEL.matcher(e.getKey()).matches()) {
                actual = actual.permute(0, 3, 1, 2); // the level tensor is NHWC in the graph
            }
            assertArrayEquals(expected.shape(), actual.shape(), e.getValue() + " shape");
            double max = expected.amaxNumber().doubleValue();
            double diff = actual.sub(expected).amaxNumber().doubleValue();
            layers.put(fileToKey.get(e.getKey()), new double[] {diff, max});
            System.out.printf("parity %s %s (%s): max|diff| %.3e, max|ref| %.4g, relative %.3e%n", c,
                    e.getKey(), e.getValue(), diff, max, diff / max);
        }
        INDArray expected = c.npy("raw.npy");
        INDArray actual = ours.get(graph.outputName());
        assertArrayEquals(expected.shape(), actual.shape(), "raw shape");
        INDArray diff = actual.sub(expected);
        long rows = expected.size(1);
        double boxes = diff.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4), NDArrayIndex.all())
                .amaxNumber().doubleValue();
        double boxMagnitude = expected.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4), NDArrayIndex.all())
                .amaxNumber().doubleValue();
        double classes = diff.get(NDArrayIndex.all(), NDArrayIndex.interval(4, rows), NDArrayIndex.all())
                .amaxNumber().doubleValue();
        System.out.printf("parity %s raw: boxes max|diff| %.3e px (max|ref| %.4g, relative %.3e), classes max|diff|"
                + " %.3e%n", c, boxes, boxMagnitude, boxes / boxMagnitude, classes);
        return new Comparison(layers, boxes, boxMagnitude, classes);
    }
}
