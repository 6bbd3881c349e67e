package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.testing.OracleV8;
import dev.yolocam.torch.CheckpointReader;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints made by upstream Ultralytics 8.3.166 (the YOLOv8/YOLO11 oracle), taken apart into (their own yaml,
 * their state_dict) and rebuilt: the tree must equal the pickled one path for path, class for class, attribute for
 * attribute, tensor for tensor (same bytes), with the same module sharing (one SiLU for all Convs). Skipped
 * without the oracle.
 */
class UltralyticsYamlCheckpointTest {
    /**
     * What a state_dict cannot know: what the trainer attaches ({@code names} of the dataset, {@code args}, the loss
     * {@code criterion}) and what
     * Detect caches once it has run inference ({@code shape}, and then non-empty {@code anchors}/{@code strides},
     * checked separately).
     */
    private static final Set<String> NOT_IN_A_STATE_DICT = Set.of("names", "args", "criterion", "shape",
            "anchors", "strides");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"yolov8n-random.pt", "yolo11n-random.pt", "yolo11m-w025-nc3-random.pt",
            "shapes-yolov8n.pt", "shapes-yolo11n.pt"})
    void upstreamModelRebuildsFromItsOwnYaml(String file) {
        ModuleNode pickled = CheckpointReader.read(OracleV8.model(file)).model().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> yaml = (Map<String, Object>) pickled.attributes().get("yaml");

        ModuleNode rebuilt = YamlModelBuilder.build(yaml, YamlModelBuilderCheckpointTest.stateDict(pickled));

        YamlModelBuilderCheckpointTest.assertSameTree(pickled, rebuilt, NOT_IN_A_STATE_DICT);
        assertDefaultNames(rebuilt, (Long) pickled.attributes().get("nc"));
        assertFreshDetectCaches(pickled, rebuilt);
    }

    /** The --cfg case: upstream's yolov8.yaml saved as yolov8n.yaml with nc: 3, and the trained state_dict. */
    @Test
    void trainedStateDictRebuildsFromTheUpstreamYamlFileNamedForItsScale() throws IOException {
        ModuleNode pickled = CheckpointReader.read(OracleV8.model("shapes-yolov8n.pt")).model().orElseThrow();
        Path yamlFile = tmp.resolve("yolov8n.yaml");
        Files.writeString(yamlFile, upstreamYaml("yolov8.yaml").replace("nc: 80 #", "nc: 3 #"));

        ModuleNode rebuilt = YamlModelBuilder.build(yamlFile, YamlModelBuilderCheckpointTest.stateDict(pickled));

        Set<String> skip = new java.util.HashSet<>(NOT_IN_A_STATE_DICT);
        skip.add("yaml"); // the file's own yaml_file and comments-free dict, compared below
        YamlModelBuilderCheckpointTest.assertSameTree(pickled, rebuilt, skip);
        @SuppressWarnings("unchecked")
        Map<String, Object> yaml = (Map<String, Object>) rebuilt.attributes().get("yaml");
        assertEquals("n", yaml.get("scale"));
        assertEquals(yamlFile.toString(), yaml.get("yaml_file"));
        @SuppressWarnings("unchecked")
        Map<String, Object> pickledYaml = new LinkedHashMap<>((Map<String, Object>) pickled.attributes().get("yaml"));
        pickledYaml.put("yaml_file", yamlFile.toString());
        assertTrue(SameValue.test(pickledYaml, yaml), "yaml: pickled " + pickledYaml + ", rebuilt " + yaml);
    }

    static String upstreamYaml(String name) throws IOException {
        try (InputStream in = UltralyticsYamlCheckpointTest.class.getResourceAsStream("/dev/yolocam/model/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void assertDefaultNames(ModuleNode rebuilt, long nc) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (long i = 0; i < nc; i++) {
            names.put(i, Long.toString(i));
        }
        assertEquals(names, rebuilt.attributes().get("names"));
    }

    /** Both carry anchors/strides; the rebuilt ones are empty, as in a checkpoint that never ran inference. */
    private static void assertFreshDetectCaches(ModuleNode pickled, ModuleNode rebuilt) {
        List<ModuleNode> layers = List.copyOf(rebuilt.find("model").orElseThrow().children().values());
        String detect = layers.get(layers.size() - 1).path();
        for (String cache : List.of("anchors", "strides")) {
            assertTrue(pickled.find(detect).orElseThrow().hasAttribute(cache), cache);
            TensorData t = (TensorData) rebuilt.find(detect).orElseThrow().attributes().get(cache);
            assertEquals(0, t.numel(), cache);
        }
    }
}
