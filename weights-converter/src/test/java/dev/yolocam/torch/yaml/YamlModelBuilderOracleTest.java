package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.testing.Oracle;
import dev.yolocam.torch.DType;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds the oracle's models (made by upstream YOLOv5 v7.0) from their own YAML ({@code model_yaml}) and a state_dict
 * with the described keys, shapes and dtypes, and compares every module path, class and attribute with the
 * oracle's {@code describe.json}. Skipped when the oracle is absent.
 */
class YamlModelBuilderOracleTest {

    @ParameterizedTest
    @ValueSource(strings = {"yolov5n-random.describe.json", "shapes-yolov5n.describe.json"})
    void matchesTheDescribedUpstreamModel(String describeFile) {
        Map<String, Object> describe = Describe.read(Oracle.model(describeFile));
        @SuppressWarnings("unchecked")
        Map<String, Object> yaml = (Map<String, Object>) describe.get("model_yaml");
        List<Map<String, Object>> modules = Describe.modules(describe);

        ModuleNode root = YamlModelBuilder.build(yaml, stateDict(describe));

        DescribedTree.assertEntriesMatch(modules, root, Set.of());
        assertTrue(SameValue.test(yaml, root.attributes().get("yaml")), "root yaml");
        assertTrue(SameValue.test(describe.get("stride"), root.attributes().get("stride")), "root stride");
        assertOnlySharedActivationsAreUndescribed(modules, root);
        @SuppressWarnings("unchecked")
        Map<String, Object> detect = (Map<String, Object>) describe.get("detect");
        ModuleNode head = root.find("model.24").orElseThrow();
        assertEquals(((Number) detect.get("nc")).longValue(), head.attributes().get("nc"));
        assertEquals(detect.get("f"), List.of(17, 20, 23));
        assertEquals(List.of(17L, 20L, 23L), head.attributes().get("f"));
    }

    /**
     * describe.json lists a shared module once (named_modules() de-duplicates): every other path of the built tree
     * must be an activation that is the same instance as a described one, like the 57 Convs sharing one SiLU.
     */
    private static void assertOnlySharedActivationsAreUndescribed(List<Map<String, Object>> modules, ModuleNode root) {
        Set<String> described = new HashSet<>();
        Set<Integer> describedInstances = new HashSet<>();
        Map<String, ModuleNode> nodes = DescribedTree.byPath(root);
        for (Map<String, Object> m : modules) {
            described.add(Describe.path(m));
            describedInstances.add(nodes.get(Describe.path(m)).instanceId());
        }
        int shared = 0;
        for (ModuleNode node : nodes.values()) {
            if (!described.contains(node.path())) {
                assertEquals("torch.nn.modules.activation.SiLU", node.pythonClass(), node.path());
                assertTrue(describedInstances.contains(node.instanceId()), node.path() + " is not a shared module");
                shared++;
            }
        }
        assertEquals(56, shared, "Convs reusing the one SiLU besides model.0.act");
    }

    /** The described state_dict (keys, shapes, dtypes) as zero tensors. */
    private static Map<String, TensorData> stateDict(Map<String, Object> describe) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) describe.get("state_dict");
        for (Map<String, Object> e : entries) {
            DType dtype = DType.valueOf(((String) e.get("dtype")).toUpperCase());
            out.put((String) e.get("key"), FakeStateDict.zeros(dtype, Describe.shape(e.get("shape"))));
        }
        return out;
    }
}
