package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.testing.Oracle;
import dev.yolocam.torch.Checkpoint;
import dev.yolocam.torch.CheckpointReader;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real checkpoints through {@link CheckpointReader}: a rebuilt model must equal the pickled one path for path,
 * class for class, attribute for attribute and tensor for tensor (same bytes), with the same module sharing.
 */
class YamlModelBuilderCheckpointTest {
    private static final Path FIXTURES = Oracle.testdata().resolve("fixtures");

    /**
     * What a state_dict cannot know: what train.py attaches to the model (dataset names, hyperparameters, class
     * weights) and the grids Detect caches once it has run inference (train.py's validation fills them).
     */
    private static final Set<String> NOT_IN_A_STATE_DICT = Set.of("names", "hyp", "class_weights", "grid",
            "anchor_grid");

    @Test
    void stateDictCheckpointRebuildsTheSameModelAsTheFullCheckpoint() {
        Checkpoint stateDictOnly = CheckpointReader.read(FIXTURES.resolve("statedict.pt"));
        assertTrue(stateDictOnly.isStateDictOnly());
        ModuleNode rebuilt = YamlModelBuilder.build(FIXTURES.resolve("statedict.yaml"), stateDictOnly.stateDict());
        ModuleNode pickled = CheckpointReader.read(FIXTURES.resolve("statedict_full.pt")).model().orElseThrow();
        assertSameTree(pickled, rebuilt);
        assertEquals(List.of("0", "1", "2", "3"), rebuilt.attributes().get("names"));
    }

    /** Each pickled fixture, taken apart into (its own yaml, its state_dict) and rebuilt. */
    @ParameterizedTest
    @ValueSource(strings = {"p6.pt", "leaky.pt", "v5focus.pt", "statedict_full.pt"})
    void fixtureRebuildsFromItsOwnYaml(String file) {
        assertRebuildsFromOwnYaml(FIXTURES.resolve(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yolov5n-random.pt", "shapes-yolov5n.pt"})
    void upstreamModelRebuildsFromItsOwnYaml(String file) {
        assertRebuildsFromOwnYaml(Oracle.model(file));
    }

    @Test
    void p6StridesComeFromTheDryRun() {
        ModuleNode pickled = CheckpointReader.read(FIXTURES.resolve("p6.pt")).model().orElseThrow();
        ModuleNode rebuilt = YamlModelBuilder.build(FIXTURES.resolve("p6.yaml"), stateDict(pickled));
        TensorData stride = (TensorData) rebuilt.find("model.33").orElseThrow().attributes().get("stride");
        assertArrayEquals(new float[] {8, 16, 32, 64}, stride.toFloats());
    }

    private static void assertRebuildsFromOwnYaml(Path checkpoint) {
        ModuleNode pickled = CheckpointReader.read(checkpoint).model().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> yaml = (Map<String, Object>) pickled.attributes().get("yaml");
        Object yamlFile = pickled.attributes().get("yaml_file"); // present when the model was built from a file
        ModuleNode rebuilt = YamlModelBuilder.build(yaml, stateDict(pickled),
                yamlFile == null ? null : Path.of((String) yamlFile));
        assertSameTree(pickled, rebuilt);
    }

    /** {@code model.state_dict()}: every parameter and buffer by dotted path, each shared module once. */
    static Map<String, TensorData> stateDict(ModuleNode root) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (ModuleNode node : root.preOrder()) {
            if (!seen.add(node.instanceId())) {
                continue;
            }
            String prefix = node.path().isEmpty() ? "" : node.path() + ".";
            node.parameters().forEach((name, t) -> out.put(prefix + name, t));
            node.buffers().forEach((name, t) -> out.put(prefix + name, t));
        }
        return out;
    }

    static void assertSameTree(ModuleNode expected, ModuleNode actual) {
        assertSameTree(expected, actual, NOT_IN_A_STATE_DICT);
    }

    /**
     * Same paths in registration order, classes, module sharing, tensors (dtype, shape, bytes), and attributes,
     * except those named in {@code notInAStateDict} (on either side).
     */
    static void assertSameTree(ModuleNode expected, ModuleNode actual, Set<String> notInAStateDict) {
        Map<String, ModuleNode> want = DescribedTree.byPath(expected);
        Map<String, ModuleNode> got = DescribedTree.byPath(actual);
        assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()), "module paths in registration order");
        Map<Integer, Integer> instances = new HashMap<>();
        Map<Integer, Integer> reverse = new HashMap<>();
        for (Map.Entry<String, ModuleNode> e : want.entrySet()) {
            String path = e.getKey();
            ModuleNode w = e.getValue();
            ModuleNode g = got.get(path);
            assertEquals(w.pythonClass(), g.pythonClass(), path);
            assertSameAttributes(w, g, notInAStateDict);
            assertSameTensors(w.parameters(), g.parameters(), path + " parameters");
            assertSameTensors(w.buffers(), g.buffers(), path + " buffers");
            Integer a = instances.putIfAbsent(w.instanceId(), g.instanceId());
            Integer b = reverse.putIfAbsent(g.instanceId(), w.instanceId());
            assertTrue((a == null || a == g.instanceId()) && (b == null || b == w.instanceId()),
                    "module sharing differs at " + path);
        }
    }

    private static void assertSameAttributes(ModuleNode want, ModuleNode got, Set<String> notInAStateDict) {
        Set<String> keys = new TreeSet<>(want.attributes().keySet());
        keys.removeAll(notInAStateDict);
        Set<String> gotKeys = new TreeSet<>(got.attributes().keySet());
        gotKeys.removeAll(notInAStateDict);
        assertEquals(keys, gotKeys, want.path() + " attribute names");
        for (String key : keys) {
            Object w = want.attributes().get(key);
            Object g = got.attributes().get(key);
            assertTrue(SameValue.test(w, g), want.path() + "." + key + ": pickled " + w + ", rebuilt " + g);
        }
    }

    private static void assertSameTensors(Map<String, TensorData> want, Map<String, TensorData> got, String where) {
        assertEquals(want.keySet(), got.keySet(), where);
        want.forEach((name, w) -> {
            TensorData g = got.get(name);
            assertNotNull(g, where + " " + name);
            assertEquals(w.dtype(), g.dtype(), where + " " + name);
            assertArrayEquals(w.shape(), g.shape(), where + " " + name);
            assertArrayEquals(w.contiguousBytes(), g.contiguousBytes(), where + " " + name);
        });
    }
}
