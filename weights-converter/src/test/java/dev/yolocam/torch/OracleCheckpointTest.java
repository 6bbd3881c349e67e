package dev.yolocam.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the oracle's two YOLOv5 v7.0 checkpoints and checks every fact their {@code describe.json} (written by
 * Python from the same files with torch.load) lists: tensors bit for bit, module classes and attributes, pickle
 * globals, metadata, the shared SiLU instance. Skipped when the oracle is absent.
 */
class OracleCheckpointTest {
    private static final Map<String, Checkpoint> CHECKPOINTS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Checkpoint checkpoint(String model) {
        Path file = Oracle.model(model + ".pt");
        return CHECKPOINTS.computeIfAbsent(model, m -> CheckpointReader.read(file));
    }

    private static JsonNode describe(String model) throws IOException {
        return JSON.readTree(Oracle.model(model + ".describe.json").toFile());
    }

    private static ModuleNode root(String model) {
        return checkpoint(model).model().orElseThrow(() -> new AssertionError("no model in " + model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yolov5n-random", "shapes-yolov5n"})
    void everyStateDictTensorHasTheOracleShapeDtypeBytesSumAndFirstValues(String model) throws Exception {
        ModuleNode root = root(model);
        JsonNode tensors = describe(model).get("state_dict");
        assertTrue(tensors.size() > 300, "the oracle lists the whole state_dict");
        for (JsonNode expected : tensors) {
            String key = expected.get("key").asText();
            int dot = key.lastIndexOf('.');
            TensorData tensor = root.find(key.substring(0, dot)).flatMap(m -> m.tensor(key.substring(dot + 1)))
                    .orElseThrow(() -> new AssertionError("no tensor " + key));
            assertEquals(longs(expected.get("shape")), boxed(tensor.shape()), key + " shape");
            assertEquals(expected.get("dtype").asText(), tensor.dtype().numpyName(), key + " dtype");
            assertEquals(expected.get("sha256_le_bytes").asText(), sha256(tensor.contiguousBytes()), key + " bytes");
            double[] values = tensor.toDoubles();
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double expectedSum = expected.get("sum_float64").asDouble();
            assertEquals(expectedSum, sum, 1e-6 * Math.max(1, Math.abs(expectedSum)), key + " sum");
            JsonNode first = expected.get("first_values");
            for (int i = 0; i < first.size(); i++) {
                assertEquals(first.get(i).asDouble(), values[i], 0, key + " value " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yolov5n-random", "shapes-yolov5n"})
    void pickleGlobalsAreTheOraclesSortedList(String model) throws Exception {
        List<String> expected = new ArrayList<>();
        describe(model).get("pickle_globals").forEach(g -> expected.add(g.asText()));
        assertEquals(expected, checkpoint(model).pickleGlobals());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yolov5n-random", "shapes-yolov5n"})
    void everyOracleModuleExistsWithItsPythonClassAndAttributes(String model) throws Exception {
        ModuleNode root = root(model);
        JsonNode modules = describe(model).get("modules");
        assertEquals(describe(model).get("model_class").asText(), root.pythonClass());
        for (JsonNode expected : modules) {
            String name = expected.get("name").asText();
            ModuleNode node = name.equals("(root)") ? root
                    : root.find(name).orElseThrow(() -> new AssertionError("no module " + name));
            assertEquals(name.equals("(root)") ? "" : name, node.path());
            assertEquals(expected.get("type").asText(), node.pythonClass(), name);
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String attribute = field.getKey();
                if (attribute.equals("name") || attribute.equals("type")) {
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
    @ValueSource(strings = {"yolov5n-random", "shapes-yolov5n"})
    void convActivationsShareTheOracleNumberOfSiluInstances(String model) throws Exception {
        JsonNode describe = describe(model);
        List<ModuleNode> activations = root(model).preOrder().stream()
                .filter(n -> n.name().equals("act") && n.simpleClass().equals("SiLU")).toList();
        assertTrue(activations.size() > 50, "every Conv has an act");
        Set<Integer> instances = activations.stream().map(ModuleNode::instanceId).collect(Collectors.toSet());
        assertEquals(describe.get("n_activation_instances").asInt(), instances.size());
        for (JsonNode paths : describe.get("activation_instances")) {
            for (JsonNode path : paths) {
                int id = root(model).find(path.asText()).orElseThrow().instanceId();
                assertTrue(instances.contains(id), path.asText());
            }
        }
        List<ModuleNode> convs = root(model).preOrder().stream().filter(n -> n.simpleClass().equals("Conv2d"))
                .toList();
        long describedConvs = 0;
        for (JsonNode module : describe.get("modules")) {
            describedConvs += module.get("type").asText().endsWith(".Conv2d") ? 1 : 0;
        }
        assertEquals(describedConvs, convs.size());
        assertEquals(convs.size(), convs.stream().map(ModuleNode::instanceId).distinct().count(),
                "modules that are not shared keep distinct ids");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yolov5n-random", "shapes-yolov5n"})
    void everyStorageEntryOfTheZipBacksSomeTensor(String model) throws Exception {
        Set<String> zipKeys = new TreeSet<>();
        String folder = null;
        for (JsonNode entry : describe(model).get("zip_entries")) {
            String name = entry.asText();
            folder = name.substring(0, name.indexOf('/'));
            if (name.contains("/data/")) {
                zipKeys.add(name.substring(name.lastIndexOf('/') + 1));
            }
        }
        assertTrue(describe(model).get("zip_entries").toString().contains(folder + "/data.pkl"));
        List<String> described = new ArrayList<>();
        describe(model).get("zip_entries").forEach(e -> described.add(e.asText()));
        try (CheckpointArchive archive = CheckpointArchive.open(Oracle.model(model + ".pt"), ReaderLimits.DEFAULT)) {
            assertEquals(new TreeSet<>(described), new TreeSet<>(archive.entryNames()));
        }
        Set<String> used = new TreeSet<>();
        for (ModuleNode node : root(model).preOrder()) {
            node.parameters().values().forEach(t -> used.add(t.storage().key()));
            node.buffers().values().forEach(t -> used.add(t.storage().key()));
            collectTensorKeys(node.attributes().values(), used);
        }
        assertEquals(zipKeys, used);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yolov5n-random", "shapes-yolov5n"})
    void checkpointKeysScalarsAndOptMatch(String model) throws Exception {
        JsonNode describe = describe(model);
        Checkpoint checkpoint = checkpoint(model);
        List<String> expectedKeys = new ArrayList<>();
        describe.get("checkpoint_keys").fieldNames().forEachRemaining(expectedKeys::add);
        expectedKeys.removeAll(List.of("model", "ema"));
        assertEquals(expectedKeys, new ArrayList<>(checkpoint.metadata().keySet()));
        describe.get("checkpoint_keys").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("model") && !e.getKey().equals("ema")) {
                assertEquals(e.getValue().asText(), pythonType(checkpoint.metadata().get(e.getKey())), e.getKey());
            }
        });
        assertEquals(describe.get("checkpoint_keys").get("model").asText(), root(model).simpleClass());
        describe.get("checkpoint_scalars").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("ema")) {
                PythonValues.assertMatches(e.getValue(), checkpoint.metadata().get(e.getKey()), e.getKey());
            }
        });
        PythonValues.assertMatches(describe.get("opt"), checkpoint.metadata().get("opt"), "opt");
        assertTrue(checkpoint.stateDict().isEmpty());
        assertFalse(checkpoint.isStateDictOnly());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yolov5n-random", "shapes-yolov5n"})
    void yamlNamesStrideAndDetectHeadMatch(String model) throws Exception {
        JsonNode describe = describe(model);
        ModuleNode root = root(model);
        PythonValues.assertMatches(describe.get("model_yaml"), root.attributes().get("yaml"), "yaml");
        PythonValues.assertMatches(describe.get("names"), root.attributes().get("names"), "names");
        PythonValues.assertMatches(describe.get("stride"), root.attributes().get("stride"), "stride");

        JsonNode detectFacts = describe.get("detect");
        List<Long> from = longs(detectFacts.get("f"));
        ModuleNode detect = root.find("model." + (root.find("model").orElseThrow().children().size() - 1))
                .orElseThrow();
        assertEquals("models.yolo.Detect", detect.pythonClass());
        PythonValues.assertMatches(detectFacts.get("f"), detect.attributes().get("f"), "f");
        assertEquals(List.of(17L, 20L, 23L), from);
        for (String scalar : List.of("nc", "na", "nl", "no")) {
            PythonValues.assertMatches(detectFacts.get(scalar), detect.attributes().get(scalar), scalar);
        }
        TensorData anchors = detect.buffers().get("anchors");
        assertEquals(DType.FLOAT16, anchors.dtype());
        assertEquals("torch.float16", "torch." + anchors.dtype().numpyName());
        PythonValues.assertMatches(detectFacts.get("anchors_grid_units"), anchors, "anchors");
        assertInstanceOf(List.class, detect.attributes().get("grid"));
        assertNull(root.attributes().get("no_such_attribute"));
    }

    private static String pythonType(Object value) {
        if (value == null) {
            return "NoneType";
        }
        return value instanceof Long ? "int" : value instanceof Double ? "float" : value instanceof String ? "str"
                : value instanceof Map<?, ?> ? "dict" : value instanceof List<?> ? "list" : value.getClass().getName();
    }

    private static void collectTensorKeys(Collection<?> values, Set<String> keys) {
        Deque<Object> pending = new ArrayDeque<>(values.stream().filter(v -> v != null).toList());
        while (!pending.isEmpty()) {
            Object value = pending.pop();
            if (value instanceof TensorData tensor) {
                keys.add(tensor.storage().key());
            } else if (value instanceof Collection<?> collection) {
                collection.stream().filter(v -> v != null).forEach(pending::push);
            } else if (value instanceof Map<?, ?> map) {
                map.values().stream().filter(v -> v != null).forEach(pending::push);
            } else if (value instanceof PyObject object && object.state() != null) {
                pending.push(object.state());
            }
        }
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

}
