package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolocam.testing.Oracle;
import dev.yolocam.torch.DType;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds each fixture of {@code testdata/fixtures} from its YAML and compares the tree with the description of the
 * model the Python stand-in pickled ({@code <name>.json -> modules}: every path, shared modules included). The
 * tensors are zeros of the described shapes; the checkpoint-based test compares real values.
 */
class YamlModelBuilderFixtureTest {

    @ParameterizedTest
    @ValueSource(strings = {"statedict", "p6", "leaky", "v5focus"})
    void buildsTheTreeThePickledModelHas(String fixture) {
        Path dir = Oracle.testdata().resolve("fixtures");
        Map<String, Object> describe = Describe.read(dir.resolve(fixture + ".json"));
        List<Map<String, Object>> modules = Describe.modules(describe);

        ModuleNode root = YamlModelBuilder.build(dir.resolve((String) describe.get("yaml_file")),
                FakeStateDict.of(tensorShapes(modules), DType.FLOAT16));

        assertEquals(modules.stream().map(Describe::path).toList(), List.copyOf(DescribedTree.byPath(root).keySet()),
                "module paths in registration order");
        // names: the fixture was saved with train.py's dataset names; a state_dict carries none
        DescribedTree.assertEntriesMatch(modules, root, Set.of("names"));
        DescribedTree.assertNoOtherAttributes(modules, root);
        DescribedTree.assertSameSharing(modules, root);
        long nc = ((Number) describe.get("nc")).longValue();
        assertEquals(java.util.stream.LongStream.range(0, nc).mapToObj(Long::toString).toList(),
                root.attributes().get("names"));
        TensorData stride = (TensorData) root.attributes().get("stride");
        assertEquals(DType.FLOAT32, stride.dtype());
        assertArrayEquals(floats(describe.get("stride")), stride.toFloats());
    }

    /** Parameter/buffer key -> shape, from the described modules (shared modules have none, so no duplicates). */
    static Map<String, long[]> tensorShapes(List<Map<String, Object>> modules) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Map<String, Object> m : modules) {
            String path = Describe.path(m);
            for (String kind : List.of("parameters", "buffers")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> tensors = (Map<String, Object>) m.getOrDefault(kind, Map.of());
                tensors.forEach((name, shape) -> shapes.put(path.isEmpty() ? name : path + "." + name,
                        Describe.shape(shape)));
            }
        }
        return shapes;
    }

    private static float[] floats(Object list) {
        List<?> values = (List<?>) list;
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }
}
