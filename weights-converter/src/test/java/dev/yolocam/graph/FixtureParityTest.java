package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.errors.StateDictOnlyException;
import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.graph.blocks.DetectBlock;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Float64Bounds;
import dev.yolocam.testing.Oracle;
import dev.yolocam.testing.Tolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The SameDiff graph against the project's own YOLOv5 fixtures ({@code testdata/fixtures}: P6, a global LeakyReLU,
 * a state_dict + yaml, a v5.0-style model with Focus / SPP / BottleneckCSP / DWConv), every stored layer output and
 * the raw Detect output, for every stored input size.
 */
class FixtureParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAYER = Pattern.compile("layer_(\\d+)");
    private static final Pattern LEVEL = Pattern.compile("layer_(\\d+)_(\\d+)");
    private static final Map<String, YoloModel> MODELS = new HashMap<>();

    /** One stored input of one fixture: {@code <prefix>.input.npy}, {@code .raw.npy}, {@code .layers.npz}. */
    record FixtureInput(String fixture, Path dir, JsonNode meta, JsonNode input) {
        String prefix() {
            return input.path("prefix").asText();
        }

        INDArray npy(String suffix) {
            return Nd4j.createFromNpyFile(dir.resolve(prefix() + suffix).toFile());
        }

        Map<String, INDArray> layers() throws IOException {
            return Npz.read(dir.resolve(prefix() + ".layers.npz"));
        }

        @Override
        public String toString() {
            return prefix();
        }
    }

    static Path fixtures() {
        return Oracle.testdata().resolve("fixtures");
    }

    static List<FixtureInput> inputs() throws IOException {
        List<FixtureInput> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(fixtures())) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode meta = JSON.readTree(json.toFile());
                for (JsonNode input : meta.path("inputs")) {
                    out.add(new FixtureInput(meta.path("name").asText(), fixtures(), meta, input));
                }
            }
        }
        assertTrue(out.size() >= 5, "fixtures found in " + fixtures());
        return out;
    }

    /** The model as a user would open it: a state_dict needs its yaml ({@code --cfg}), the others do not. */
    static synchronized YoloModel model(FixtureInput in) {
        return MODELS.computeIfAbsent(in.fixture(), name -> {
            JsonNode checkpoint = in.meta().path("checkpoint");
            Path weights = in.dir().resolve(checkpoint.path("file").asText());
            Optional<Path> cfg = checkpoint.path("kind").asText().equals("state_dict")
                    ? Optional.of(in.dir().resolve(in.meta().path("yaml_file").asText()))
                    : Optional.empty();
            return ModelLoader.load(weights, cfg);
        });
    }

    static YoloGraph graph(FixtureInput in, INDArray input) {
        return model(in).graph(GraphSpec.forward((int) input.size(2), (int) input.size(3)));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyStoredLayerOutputMatchesWithinItsMeasuredFloat32Bound(FixtureInput in) throws IOException {
        INDArray input = in.npy(".input.npy");
        Map<String, INDArray> stored = in.layers();
        List<String> listed = new ArrayList<>();
        in.input().path("layer_shapes").fieldNames().forEachRemaining(listed::add);
        assertEquals(listed.stream().sorted().toList(), stored.keySet().stream().sorted().toList(),
                in + ": the npz holds the layers the json lists");
        Map<String, String> arrayToVariable = new LinkedHashMap<>();
        for (String array : stored.keySet()) {
            arrayToVariable.put(array, variableFor(array));
        }
        Map<String, INDArray> ours = graph(in, input).outputs(input, new ArrayList<>(arrayToVariable.values()));
        Float64Bounds bounds = Float64Bounds.ofFixture(fixtures(), in.prefix());
        double worst = 0;
        String worstArray = "";
        for (Map.Entry<String, String> e : arrayToVariable.entrySet()) {
            INDArray expected = stored.get(e.getKey());
            INDArray actual = ours.get(e.getValue());
            assertArrayEquals(expected.shape(), actual.shape(), in + " " + e.getValue() + " shape");
            double max = expected.amaxNumber().doubleValue();
            double diff = actual.sub(expected).amaxNumber().doubleValue();
            Tolerance tolerance = bounds.layer(e.getKey());
            if (diff / max / tolerance.value() > worst) {
                worst = diff / max / tolerance.value();
                worstArray = e.getKey();
            }
            assertTrue(tolerance.admits(diff / max), e.getValue() + ": max abs diff " + diff + " vs max " + max
                    + "; " + tolerance);
        }
        System.out.printf("fixture parity %s: %d layer arrays, worst (max|diff|/max|layer|) / tolerance = %.2f (%s)%n",
                in, arrayToVariable.size(), worst, worstArray);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void rawDetectOutputMatchesOnCoordinatesAndProbabilities(FixtureInput in) {
        INDArray input = in.npy(".input.npy");
        INDArray expected = in.npy(".raw.npy");
        INDArray actual = graph(in, input).predict(input);
        assertArrayEquals(expected.shape(), actual.shape());
        INDArray diff = actual.sub(expected);
        double coords = diff.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 4))
                .amaxNumber().doubleValue();
        double probs = diff.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(4, expected.size(2)))
                .amaxNumber().doubleValue();
        // These random heads predict boxes of up to ~2700 px on 64-128 px inputs, where wh = (2 sigmoid)^2 * anchor
        // turns the ~1e-6 relative rounding of the level logits into up to ~1e-2 px: the measured bound says so.
        Float64Bounds bounds = Float64Bounds.ofFixture(fixtures(), in.prefix());
        Tolerance coordTolerance = bounds.rawCoordinates();
        Tolerance probTolerance = bounds.rawProbabilities();
        System.out.printf("fixture parity %s: raw coordinates max diff %.2e px (%.2f of tolerance), probabilities"
                + " %.2e (%.2f of tolerance)%n", in, coords, coords / coordTolerance.value(), probs,
                probs / probTolerance.value());
        assertTrue(coordTolerance.admits(coords), in + ": coordinates differ by " + coords + "; " + coordTolerance);
        assertTrue(probTolerance.admits(probs), in + ": probabilities differ by " + probs + "; " + probTolerance);
    }

    @Test
    void aStateDictWithoutItsYamlIsRejectedWithAHintAtCfg() {
        Path weights = fixtures().resolve("statedict.pt");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> ModelLoader.load(weights, Optional.empty()));
        assertTrue(e instanceof StateDictOnlyException && e.getMessage().contains("model YAML"), e.getMessage());
    }

    /** {@code layer_<i>} is the output of {@code model.<i>}; {@code layer_<D>_<k>} is Detect level k before sigmoid. */
    private static String variableFor(String array) {
        Matcher level = LEVEL.matcher(array);
        if (level.matches()) {
            return DetectBlock.levelName("model." + level.group(1), Integer.parseInt(level.group(2)));
        }
        Matcher layer = LAYER.matcher(array);
        if (layer.matches()) {
            return "model." + layer.group(1);
        }
        throw new IllegalArgumentException("unexpected array " + array + " in a layers.npz");
    }
}
