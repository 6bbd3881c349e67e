package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when an Ultralytics yaml and a state_dict do not belong together, or the yaml is not buildable. */
class UltralyticsYamlErrorTest {
    @TempDir
    Path tmp;

    @Test
    void missingTensorIsNamedInOneLine() throws IOException {
        Path yaml = upstreamFile("yolo11.yaml", "yolo11n.yaml");
        Map<String, long[]> shapes = layout("yolo11n");
        shapes.remove("model.23.dfl.conv.weight");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(yaml, FakeStateDict.of(shapes, DType.FLOAT16)));
        assertEquals(yaml, e.file());
        assertEquals("state_dict does not match yolo11n.yaml (scale n): missing model.23.dfl.conv.weight",
                e.problem());
    }

    @Test
    void stateDictOfAnotherScaleIsRefusedAtItsFirstMisshapenTensor() throws IOException {
        Path yaml = upstreamFile("yolo11.yaml", "yolo11n.yaml");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(yaml, FakeStateDict.of(layout("yolo11s"), DType.FLOAT16)));
        assertEquals("state_dict does not match yolo11n.yaml (scale n): model.0.conv.weight has shape "
                + "[32, 3, 3, 3], the yaml needs [16, 3, 3, 3]", e.problem());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void yolov8StateDictOnAYolo11YamlIsRefused() throws IOException {
        Path yaml = upstreamFile("yolo11.yaml", "yolo11n.yaml");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(yaml, FakeStateDict.of(layout("yolov8n"), DType.FLOAT16)));
        assertEquals("state_dict does not match yolo11n.yaml (scale n): model.2.cv2.conv.weight has shape "
                + "[32, 48, 1, 1], the yaml needs [64, 48, 1, 1]", e.problem());
    }

    @Test
    void unexpectedTensorIsNamed() throws IOException {
        Path yaml = upstreamFile("yolov8.yaml", "yolov8n.yaml");
        Map<String, long[]> shapes = layout("yolov8n");
        shapes.put("model.22.one2one_cv2.0.0.conv.weight", new long[] {64, 64, 3, 3});
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(yaml, FakeStateDict.of(shapes, DType.FLOAT16)));
        assertEquals("state_dict does not match yolov8n.yaml (scale n): unexpected "
                + "model.22.one2one_cv2.0.0.conv.weight", e.problem());
    }

    @Test
    void unknownModuleIsNamed() throws IOException {
        Path yaml = upstreamFile("yolov8.yaml", "yolov8n.yaml", "[-1, 1, SPPF, [1024, 5]]",
                "[-1, 1, SPPELAN, [1024, 256]]");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.build(yaml, Map.of()));
        assertEquals("layer 9 SPPELAN: unknown module 'SPPELAN'", e.problem());
    }

    @Test
    void scaleMissingFromScalesIsNamed() throws IOException {
        Map<String, Object> yaml = new LinkedHashMap<>(UltralyticsYamlScalesTest.bundled("yolo11n"));
        yaml.put("scale", "q");
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.expectedTensors(yaml));
        assertEquals("scale 'q' is not one of the yaml's scales [n, s, m, l, x]", e.problem());
    }

    @Test
    void c2psaNarrowerThan64HiddenChannelsIsRefused() throws IOException {
        Map<String, Object> yaml = new LinkedHashMap<>(UltralyticsYamlScalesTest.bundled("yolo11n"));
        yaml.put("scales", Map.of("n", List.of(0.5, 0.0625, 1024)));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> YamlModelBuilder.expectedTensors(yaml));
        assertEquals("layer 10 C2PSA: C2PSA with 32 hidden channels has 0 attention heads (num_heads = c // 64): "
                + "it needs at least 64", e.problem());
    }

    private Path upstreamFile(String resource, String saveAs, String... replacements) throws IOException {
        String text = UltralyticsYamlCheckpointTest.upstreamYaml(resource);
        for (int i = 0; i < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return Files.writeString(tmp.resolve(saveAs), text);
    }

    private static Map<String, long[]> layout(String variant) throws IOException {
        return new LinkedHashMap<>(YamlModelBuilder.expectedTensors(UltralyticsYamlScalesTest.bundled(variant)));
    }
}
