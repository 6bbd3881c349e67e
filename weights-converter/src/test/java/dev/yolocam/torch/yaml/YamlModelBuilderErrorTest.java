package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.testing.Oracle;
import dev.yolocam.torch.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the YAML and the state_dict do not belong together, or the YAML is not buildable. */
class YamlModelBuilderErrorTest {
    private static final Path FIXTURES = Oracle.testdata().resolve("fixtures");
    private static final Path YAML = FIXTURES.resolve("statedict.yaml");

    @TempDir
    Path tmp;

    @Test
    void missingTensorIsNamed() {
        Map<String, long[]> shapes = shapes();
        shapes.remove("model.3.conv.weight");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(YAML, FakeStateDict.of(shapes, DType.FLOAT16)));
        assertEquals(YAML, e.file());
        assertEquals("state_dict does not match statedict.yaml: missing model.3.conv.weight", e.problem());
    }

    @Test
    void misshapenTensorIsNamed() {
        Map<String, long[]> shapes = shapes();
        shapes.put("model.24.m.0.weight", new long[] {21, 8, 1, 1}); // a 2-class head on a 4-class yaml
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(YAML, FakeStateDict.of(shapes, DType.FLOAT16)));
        assertEquals("state_dict does not match statedict.yaml: model.24.m.0.weight has shape [21, 8, 1, 1], "
                + "the yaml needs [27, 8, 1, 1]", e.problem());
    }

    @Test
    void unexpectedTensorIsNamed() {
        Map<String, long[]> shapes = shapes();
        shapes.put("model.25.conv.weight", new long[] {8, 8, 1, 1});
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(YAML, FakeStateDict.of(shapes, DType.FLOAT16)));
        assertEquals("state_dict does not match statedict.yaml: unexpected model.25.conv.weight", e.problem());
    }

    @Test
    void stateDictOfAnotherArchitecture() {
        Map<String, Object> p6 = Describe.read(FIXTURES.resolve("p6.json"));
        Map<String, long[]> shapes = YamlModelBuilderFixtureTest.tensorShapes(Describe.modules(p6));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(YAML, FakeStateDict.of(shapes, DType.FLOAT16)));
        assertTrue(e.problem().startsWith("state_dict does not match statedict.yaml: "), e.problem());
    }

    @Test
    void unknownModuleIsNamed() throws IOException {
        Path yaml = edited("[-1, 1, SPPF, [1024, 5]]", "[-1, 1, GhostConv, [1024, 5]]");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(yaml, FakeStateDict.of(shapes(), DType.FLOAT16)));
        assertEquals(yaml, e.file());
        assertEquals("layer 9 GhostConv: unknown module 'GhostConv'", e.problem());
    }

    @Test
    void unsupportedActivationIsNamed() throws IOException {
        Path yaml = edited("nc: 4  # number of classes", "nc: 4\nactivation: nn.Mish()");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(yaml, FakeStateDict.of(shapes(), DType.FLOAT16)));
        assertEquals("activation: unsupported activation 'nn.Mish()'", e.problem());
    }

    @Test
    void yamlWithoutAHeadIsRejected() {
        Map<String, Object> yaml = new LinkedHashMap<>(Map.of("nc", 1, "depth_multiple", 1.0, "width_multiple", 1.0,
                "anchors", List.of(List.of(10, 13))));
        yaml.put("backbone", List.of(List.of(-1, 1, "Conv", List.of(8, 3, 2))));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(yaml, Map.of()));
        assertEquals("the model yaml has no 'head'", e.problem());
        yaml.put("head", List.of());
        e = assertThrows(UnsupportedModelException.class, () -> YamlModelBuilder.build(yaml, Map.of()));
        assertEquals("the last layer is models.common.Conv, not Detect: not a detection model", e.problem());
    }

    @Test
    void notAModelYaml() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("list.yaml"), "- 1\n- 2\n");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(yaml, Map.of()));
        assertEquals("not a model yaml (expected a mapping at the top)", e.problem());
        Path broken = Files.writeString(tmp.resolve("broken.yaml"), "nc: [1, 2\n");
        e = assertThrows(UnsupportedModelException.class, () -> YamlModelBuilder.build(broken, Map.of()));
        assertTrue(e.problem().startsWith("not a valid YAML file"), e.problem());
    }

    private Path edited(String from, String to) throws IOException {
        String text = Files.readString(YAML);
        assertTrue(text.contains(from), from);
        return Files.writeString(tmp.resolve("edited.yaml"), text.replace(from, to));
    }

    private static Map<String, long[]> shapes() {
        Map<String, Object> describe = Describe.read(FIXTURES.resolve("statedict.json"));
        return YamlModelBuilderFixtureTest.tensorShapes(Describe.modules(describe));
    }
}
