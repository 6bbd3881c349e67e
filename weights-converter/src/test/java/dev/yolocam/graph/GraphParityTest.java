package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.graph.blocks.DetectBlock;
import dev.yolocam.testing.Float64Bounds;
import dev.yolocam.testing.OracleCase;
import dev.yolocam.testing.Tolerance;
import dev.yolocam.torch.CheckpointReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The SameDiff graph against every layer output and raw Detect output that upstream YOLOv5 v7.0 stored, each within
 * the tolerance {@link Tolerance} derives from the case's measured float32-vs-float64 bound (precision_fp64.json).
 */
class GraphParityTest {
    private static final Pattern LAYER = Pattern.compile("layer_(\\d+)\\.npy");
    private static final Pattern LEVEL = Pattern.compile("layer_(\\d+)_(\\d+)\\.npy");
    private static final Map<Path, ModelDescription> MODELS = new HashMap<>();

    static List<OracleCase> cases() {
        return OracleCase.all();
    }

    static synchronized ModelDescription model(Path weights) {
        return MODELS.computeIfAbsent(weights,
                w -> ModelDescription.of(CheckpointReader.read(w).model().orElseThrow(), w));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyStoredLayerOutputMatchesWithinItsMeasuredFloat32Bound(OracleCase c) throws Exception {
        INDArray input = c.npy("input.npy");
        YoloGraph graph = GraphBuilder.build(model(c.weights()),
                GraphSpec.forward((int) input.size(2), (int) input.size(3)));
        Float64Bounds bounds = Float64Bounds.ofOracleCase(c);
        Map<String, String> fileToVariable = new HashMap<>();
        try (var files = java.nio.file.Files.list(c.dir())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = p.getFileName().toString();
                Matcher layer = LAYER.matcher(f);
                Matcher level = LEVEL.matcher(f);
                if (layer.matches()) {
                    fileToVariable.put(f, "model." + layer.group(1));
                } else if (level.matches()) {
                    fileToVariable.put(f, DetectBlock.levelName("model." + level.group(1),
                            Integer.parseInt(level.group(2))));
                }
            }
        }
        assertTrue(!fileToVariable.isEmpty(), "case has layer files");
        Map<String, INDArray> ours = graph.outputs(input, new ArrayList<>(fileToVariable.values()));
        double worst = 0;
        for (Map.Entry<String, String> e : fileToVariable.entrySet()) {
            INDArray expected = c.npy(e.getKey());
            INDArray actual = ours.get(e.getValue());
            assertArrayEquals(expected.shape(), actual.shape(), e.getValue() + " shape");
            double max = expected.amaxNumber().doubleValue();
            double diff = actual.sub(expected).amaxNumber().doubleValue();
            Tolerance tolerance = bounds.layer(e.getKey().replace("layer_", "").replace(".npy", ""));
            worst = Math.max(worst, diff / max / tolerance.value());
            assertTrue(tolerance.admits(diff / max), e.getValue() + ": max abs diff " + diff + " vs max " + max
                    + "; " + tolerance);
        }
        System.out.printf("parity %s: %d layer files, worst (max|diff|/max|layer|) / tolerance = %.2f%n", c,
                fileToVariable.size(), worst);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rawDetectOutputMatchesOnCoordinatesAndProbabilities(OracleCase c) {
        INDArray input = c.npy("input.npy");
        YoloGraph graph = GraphBuilder.build(model(c.weights()),
                GraphSpec.forward((int) input.size(2), (int) input.size(3)));
        INDArray expected = c.npy("raw.npy");
        INDArray actual = graph.predict(input);
        assertArrayEquals(expected.shape(), actual.shape());
        INDArray diff = actual.sub(expected);
        double coords = diff.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 4))
                .amaxNumber().doubleValue();
        double probs = diff.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(4, expected.size(2)))
                .amaxNumber().doubleValue();
        Float64Bounds bounds = Float64Bounds.ofOracleCase(c);
        Tolerance coordTolerance = bounds.rawCoordinates();
        Tolerance probTolerance = bounds.rawProbabilities();
        System.out.printf("parity %s: raw coordinates max diff %.2e px (%.2f of tolerance), probabilities %.2e"
                + " (%.2f of tolerance)%n", c, coords, coords / coordTolerance.value(), probs,
                probs / probTolerance.value());
        assertTrue(coordTolerance.admits(coords), "coordinates differ by " + coords + "; " + coordTolerance);
        assertTrue(probTolerance.admits(probs), "probabilities differ by " + probs + "; " + probTolerance);
    }
}
