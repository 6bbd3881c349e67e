package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Ultralytics 8.3.166 parse_model rules that are easy to get subtly wrong. */
class UltralyticsParserTest {

    @Test
    void aYamlWithAnchorsIsYolov5sAndOneWithoutIsUltralytics() throws IOException {
        assertEquals(YamlFamily.ULTRALYTICS, YamlFamily.of(UltralyticsYamlScalesTest.bundled("yolov8n")));
        Map<String, Object> v5 = new LinkedHashMap<>(Map.of("nc", 80, "anchors", 3));
        assertEquals(YamlFamily.YOLOV5, YamlFamily.of(v5));
        v5.put("anchors", null);
        assertEquals(YamlFamily.ULTRALYTICS, YamlFamily.of(v5));
    }

    @Test
    void theScaleComesFromTheFileNameLikeGuessModelScale() {
        assertEquals("n", UltralyticsYaml.guessModelScale("yolov8n.yaml"));
        assertEquals("x", UltralyticsYaml.guessModelScale("/models/yolo11x.yaml"));
        assertEquals("s", UltralyticsYaml.guessModelScale("yolov8s-custom.yaml"));
        assertEquals("m", UltralyticsYaml.guessModelScale("yoloe-v8m.yaml"));
        assertEquals("", UltralyticsYaml.guessModelScale("yolov8.yaml"));
        assertEquals("", UltralyticsYaml.guessModelScale("my-detector.yaml"));
    }

    @Test
    void withoutAScaleTheFirstOfScalesIsUsed() throws IOException {
        Map<String, Object> yaml = new LinkedHashMap<>(UltralyticsYamlScalesTest.bundled("yolov8s"));
        yaml.put("scale", "");
        assertEquals(16L, conv2d(parse(yaml).layers().get(0).module()).attributes().get("out_channels"));
        yaml.put("scale", "s");
        assertEquals(32L, conv2d(parse(yaml).layers().get(0).module()).attributes().get("out_channels"));
    }

    @Test
    void c3k2UsesC3kBlocksFromScaleMOnwardsWhateverTheYamlSays() throws IOException {
        // layer 2 is [-1, 2, C3k2, [256, False, 0.25]]
        for (String variant : List.of("yolo11n", "yolo11s")) {
            ModuleSpec c3k2 = parse(UltralyticsYamlScalesTest.bundled(variant)).layers().get(2).module();
            assertEquals(UltralyticsModule.BLOCK_PY + "Bottleneck", block(c3k2, 0).pythonClass(), variant);
        }
        for (String variant : List.of("yolo11m", "yolo11l", "yolo11x")) {
            ModuleSpec c3k2 = parse(UltralyticsYamlScalesTest.bundled(variant)).layers().get(2).module();
            ModuleSpec c3k = block(c3k2, 0);
            assertEquals(UltralyticsModule.BLOCK_PY + "C3k", c3k.pythonClass(), variant);
            assertEquals(2, c3k.children().get("m").children().size(), variant + ": C3k(c, c, 2)");
        }
    }

    @Test
    void aYamlWithoutC3k2GetsTheLegacyClassBranch() throws IOException {
        ModuleSpec v8 = last(parse(UltralyticsYamlScalesTest.bundled("yolov8n")));
        assertEquals(UltralyticsModule.CONV_PY + "Conv", v8.children().get("cv3").children().get("0").children()
                .get("0").pythonClass());
        ModuleSpec v11 = last(parse(UltralyticsYamlScalesTest.bundled("yolo11n")));
        ModuleSpec first = v11.children().get("cv3").children().get("0").children().get("0");
        assertEquals("torch.nn.modules.container.Sequential", first.pythonClass());
        assertEquals(UltralyticsModule.CONV_PY + "DWConv", first.children().get("0").pythonClass());
        assertEquals(64L, conv2d(first.children().get("0")).attributes().get("groups"));
    }

    @Test
    void channelsAreCappedByMaxChannelsBeforeTheWidthMultiple() throws IOException {
        // yolo11m: [0.50, 1.00, 512]; layer 7 is [-1, 1, Conv, [1024, 3, 2]]
        ParsedModel m = parse(UltralyticsYamlScalesTest.bundled("yolo11m"));
        assertEquals(512L, m.layers().get(7).outChannels());
        // yolov8m: [0.67, 0.75, 768]: min(1024, 768) * 0.75 = 576; 6 repeats * 0.67 = round(4.02) = 4
        ParsedModel v8m = parse(UltralyticsYamlScalesTest.bundled("yolov8m"));
        assertEquals(576L, v8m.layers().get(7).outChannels());
        assertEquals(4, v8m.layers().get(4).module().children().get("m").children().size());
    }

    @Test
    void anOutputChannelCountEqualToNcIsNotScaledAndLayerAttributesAreUpstreams() {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("nc", 24);
        yaml.put("scales", Map.of("n", List.of(1.0, 0.5, 1024)));
        yaml.put("backbone", List.of(row(-1, 1, "Conv", 24, 3, 2), row(-1, 1, "Conv", 64, 3, 2),
                row(-1, 2, "Conv", 64, 1, 1, null, 1, 1, "nn.ReLU()")));
        yaml.put("head", List.of(row(List.of(-1, 1), 1, "Concat", 1), row(-1, 1, "nn.Upsample", "None", 2,
                "nearest"), row(List.of(3, 4), 1, "Detect", "nc")));
        ParsedModel parsed = parse(yaml);
        assertEquals(24L, parsed.layers().get(0).outChannels(), "c2 == nc: not scaled");
        assertEquals(32L, parsed.layers().get(1).outChannels(), "64 * 0.5");
        ModuleSpec repeated = parsed.layers().get(2).module();
        assertEquals("torch.nn.modules.container.Sequential", repeated.pythonClass());
        assertEquals(UltralyticsModule.CONV_PY + "Conv", repeated.attributes().get("type"));
        // literal_eval does not make modules: the act string is not True, so Identity
        assertEquals("torch.nn.modules.linear.Identity",
                repeated.children().get("0").children().get("act").pythonClass());
        ModuleSpec concat = parsed.layers().get(3).module();
        assertEquals(Map.of("d", 1L, "i", 3L, "f", List.of(-1L, 1L), "type", UltralyticsModule.CONV_PY + "Concat",
                "np", 0L), concat.attributes());
        assertEquals(64L, parsed.layers().get(3).outChannels());
        assertEquals(List.of(1L, 3L, 4L), parsed.save());
        ModuleSpec detect = parsed.layers().get(5).module();
        assertEquals(24L, detect.attributes().get("nc"));
        assertEquals(88L, detect.attributes().get("no"));
    }

    private static ParsedModel parse(Map<String, Object> yaml) {
        return new UltralyticsParser(UltralyticsYaml.of(yaml, null), new InstanceIds()).parse();
    }

    private static ModuleSpec block(ModuleSpec c2f, int index) {
        return c2f.children().get("m").children().get(String.valueOf(index));
    }

    private static ModuleSpec last(ParsedModel parsed) {
        return parsed.layers().get(parsed.layers().size() - 1).module();
    }

    private static ModuleSpec conv2d(ModuleSpec conv) {
        return conv.children().get("conv");
    }

    private static List<Object> row(Object from, int n, String module, Object... args) {
        List<Object> a = new ArrayList<>(java.util.Arrays.asList(args));
        return List.of(from, n, module, a);
    }
}
