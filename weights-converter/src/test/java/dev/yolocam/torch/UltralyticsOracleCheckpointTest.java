package dev.yolocam.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.testing.OracleV8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every YOLOv8 / YOLO11 checkpoint of shared/oracle-v8/models and checks it against the {@code describe.json}
 * Python wrote from the same file: every state_dict tensor (shape, dtype, bytes, float64 sum) and every module
 * (path, Python class, attributes); a module the reader sees that Python's deduplicated module list does not name
 * must be a second path to a listed instance (the SiLU all Convs share). Skipped when the oracle is absent.
 */
class UltralyticsOracleCheckpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> models() throws IOException {
        try (Stream<Path> files = Files.list(OracleV8.root().resolve("models"))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".describe.json"))
                    .map(f -> f.substring(0, f.length() - ".describe.json".length())).sorted().toList();
        }
    }

    private static JsonNode describe(String model) throws IOException {
        return JSON.readTree(OracleV8.model(model + ".describe.json").toFile());
    }

    private static ModuleNode root(String model) {
        Path file = OracleV8.model(model + ".pt");
        return CheckpointReader.read(file).model().orElseThrow(() -> new AssertionError("no model in " + file));
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyStateDictTensorHasTheOracleShapeDtypeBytesAndSum(String model) throws Exception {
        ModuleNode root = root(model);
        JsonNode tensors = describe(model).get("state_dict");
        assertTrue(tensors.size() > 300, "the oracle lists the whole state_dict");
        for (JsonNode expected : tensors) {
            String key = expected.get("key").asText();
            int dot = key.lastIndexOf('.');
            TensorData tensor = root.find(key.substring(0, dot)).flatMap(m -> m.tensor(key.substring(dot + 1)))
                    .orElseThrow(() -> new AssertionError("no tensor " + key));
            List<Long> shape = new ArrayList<>();
            expected.get("shape").forEach(d -> shape.add(d.asLong()));
            assertEquals(shape, java.util.Arrays.stream(tensor.shape()).boxed().toList(), key + " shape");
            assertEquals(expected.get("dtype").asText(), tensor.dtype().numpyName(), key + " dtype");
            assertEquals(expected.get("sha256_le_bytes").asText(), sha256(tensor.contiguousBytes()), key + " bytes");
            double sum = 0;
            for (double v : tensor.toDoubles()) {
                sum += v;
            }
            double expectedSum = expected.get("sum_float64").asDouble();
            // Same rule as OracleCheckpointTest: the values are bit-exact (sha256), only the summation order differs.
            assertEquals(expectedSum, sum, 1e-6 * Math.max(1, Math.abs(expectedSum)), key + " sum");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyOracleModuleExistsWithItsPythonClassAndAttributes(String model) throws Exception {
        ModuleNode root = root(model);
        JsonNode describe = describe(model);
        assertEquals(describe.get("model_class").asText(), root.pythonClass());
        Set<String> detectInstanceAttributes = new HashSet<>();
        describe.get("detect").get("instance_attrs").forEach(a -> detectInstanceAttributes.add(a.asText()));
        for (JsonNode expected : describe.get("modules")) {
            String name = expected.get("name").asText();
            ModuleNode node = name.equals("(root)") ? root
                    : root.find(name).orElseThrow(() -> new AssertionError("no module " + name));
            assertEquals(expected.get("type").asText(), node.pythonClass(), name);
            boolean detect = node.pythonClass().equals("ultralytics.nn.modules.head.Detect");
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String attribute = field.getKey();
                if (attribute.equals("name") || attribute.equals("type")) {
                    continue;
                }
                if (detect && !detectInstanceAttributes.contains(attribute)) {
                    // A class attribute of Detect (legacy, export, shape, ...): Python lists it, pickle leaves it out.
                    assertTrue(!node.attributes().containsKey(attribute), name + "." + attribute + " is not pickled");
                    continue;
                }
                if (attribute.equals("has_bias")) {
                    assertEquals(field.getValue().asBoolean(), node.parameters().containsKey("bias"), name);
                    continue;
                }
                assertTrue(node.attributes().containsKey(attribute), name + " has no attribute " + attribute);
                PythonValues.assertMatches(field.getValue(), node.attributes().get(attribute),
                        name + "." + attribute);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyModuleTheReaderSeesIsListedOrASecondPathToAListedInstance(String model) throws Exception {
        ModuleNode root = root(model);
        Set<String> listed = new HashSet<>();
        describe(model).get("modules").forEach(m -> listed.add(m.get("name").asText()));
        Set<Integer> listedInstances = new HashSet<>();
        List<ModuleNode> unlisted = new ArrayList<>();
        for (ModuleNode node : root.preOrder()) {
            if (listed.contains(node.path().isEmpty() ? "(root)" : node.path())) {
                listedInstances.add(node.instanceId());
            } else {
                unlisted.add(node);
            }
        }
        assertEquals(listed.size(), listedInstances.size(), "listed modules are distinct instances");
        for (ModuleNode node : unlisted) {
            assertTrue(listedInstances.contains(node.instanceId()), node + " is neither listed nor shared");
            assertEquals("SiLU", node.simpleClass(), node + " is shared");
        }
        assertTrue(unlisted.size() > 50, "every act=True Conv reaches the shared SiLU through its own path");
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
