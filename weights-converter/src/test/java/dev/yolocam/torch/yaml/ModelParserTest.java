package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parse_model details that are easy to get subtly wrong, on small hand-written YAMLs. */
class ModelParserTest {

    @Test
    void depthMultipleRoundsHalfToEvenLikePython() {
        ParsedModel parsed = parse(yaml(0.5, 1.0, List.of(
                row(-1, 1, "Conv", 16, 3, 2),
                row(-1, 3, "C3", 16),   // round(1.5) = 2
                row(-1, 5, "C3", 16),   // round(2.5) = 2, not 3
                row(-1, 7, "C3", 16),   // round(3.5) = 4
                row(-1, 1, "Conv", 16, 3, 1))));
        assertEquals(2, bottlenecks(parsed, 1));
        assertEquals(2, bottlenecks(parsed, 2));
        assertEquals(4, bottlenecks(parsed, 3));
    }

    @Test
    void widthMultipleRoundsChannelsUpToMultiplesOfEight() {
        ParsedModel parsed = parse(yaml(1.0, 0.3, List.of(
                row(-1, 1, "Conv", 64, 3, 2),     // 19.2 -> 24
                row(-1, 1, "Conv", 255, 1, 1),    // na * (nc + 5) = 255 is never scaled
                row(-1, 1, "Conv", 8, 1, 1))));   // 2.4 -> 8
        assertEquals(List.of(24L, 255L, 8L), parsed.layers().subList(0, 3).stream().map(Block::outChannels).toList());
        assertEquals(24L, conv2d(parsed.layers().get(1).module()).attributes().get("in_channels"));
    }

    @Test
    void activationOverrideIsOneObjectSharedByDefaultConvsOnly() {
        Map<String, Object> yaml = yaml(1.0, 1.0, List.of(
                row(-1, 1, "Conv", 16, 3, 2),
                row(-1, 1, "BottleneckCSP", 16),
                row(-1, 2, "Conv", 16, 3, 1, null, 1, 1, "nn.ReLU()"),
                row(-1, 1, "Conv", 16, 1, 1, null, 1, 1, false),
                row(-1, 1, "Conv", 16, 1, 1, null, 1, 1, 1)));
        yaml.put("activation", "nn.LeakyReLU(0.1)");
        ParsedModel parsed = parse(yaml);

        ModuleSpec first = parsed.layers().get(0).module().children().get("act");
        assertEquals("torch.nn.modules.activation.LeakyReLU", first.pythonClass());
        assertEquals(Map.of("negative_slope", 0.1, "inplace", true), first.attributes());
        ModuleSpec csp = parsed.layers().get(1).module();
        assertEquals(first.instanceId(), csp.children().get("cv1").children().get("act").instanceId());
        assertEquals("torch.nn.modules.activation.SiLU", csp.children().get("act").pythonClass());
        ModuleSpec twoConvs = parsed.layers().get(2).module();
        assertEquals("torch.nn.modules.container.Sequential", twoConvs.pythonClass());
        assertEquals("models.common.Conv", twoConvs.attributes().get("type"));
        ModuleSpec relu0 = twoConvs.children().get("0").children().get("act");
        ModuleSpec relu1 = twoConvs.children().get("1").children().get("act");
        assertEquals("torch.nn.modules.activation.ReLU", relu0.pythonClass());
        assertEquals(relu0.instanceId(), relu1.instanceId(), "one eval, one object, shared by the repeats");
        assertNotEquals(first.instanceId(), relu0.instanceId());
        // `act is True` is false for both False and 1: nn.Identity()
        assertEquals("torch.nn.modules.linear.Identity",
                parsed.layers().get(3).module().children().get("act").pythonClass());
        assertEquals("torch.nn.modules.linear.Identity",
                parsed.layers().get(4).module().children().get("act").pythonClass());
    }

    @Test
    void layerAttributesAndSaveListAreUpstreams() {
        ParsedModel parsed = parse(yaml(1.0, 1.0, List.of(
                row(-1, 1, "Conv", 16, 3, 2),
                row(-1, 1, "Conv", 32, 3, 2),
                row(List.of(-1, -2), 1, "Concat", 1),
                row(-1, 1, "nn.Upsample", "None", 2, "nearest"))));
        ModuleSpec concat = parsed.layers().get(2).module();
        assertEquals(Map.of("d", 1L, "i", 2L, "f", List.of(-1L, -2L), "type", "models.common.Concat", "np", 0L),
                concat.attributes());
        assertEquals(48L, parsed.layers().get(2).outChannels());
        assertEquals(List.of(0L), parsed.save(), "-2 % 2 == 0");
        ModuleSpec up = parsed.layers().get(3).module();
        assertEquals(2.0, up.attributes().get("scale_factor"));
        assertEquals(16L * 3 * 3 * 3 + 2 * 16, parsed.layers().get(0).module().attributes().get("np"));
    }

    @Test
    void anchorCountMakesPlaceholderAnchors() {
        Map<String, Object> yaml = yaml(1.0, 1.0, List.of(
                row(-1, 1, "Conv", 16, 3, 2),
                row(-1, 1, "Conv", 32, 3, 2),
                row(List.of(0, 1), 1, "Detect", "nc", "anchors")));
        yaml.put("anchors", 2);
        ModuleSpec detect = parse(yaml).layers().get(2).module();
        assertEquals(2L, detect.attributes().get("na"));
        assertEquals(2L, detect.attributes().get("nl"));
        assertEquals(List.of(2L, 2L, 2L), java.util.Arrays.stream(detect.buffers().get("anchors")).boxed().toList());
        assertEquals(List.of(16L, 32L), detect.children().get("m").children().values().stream()
                .map(c -> c.attributes().get("in_channels")).toList());
    }

    private static ParsedModel parse(Map<String, Object> yaml) {
        return new ModelParser(ModelYaml.of(yaml, null), new InstanceIds()).parse();
    }

    private static int bottlenecks(ParsedModel parsed, int layer) {
        return parsed.layers().get(layer).module().children().get("m").children().size();
    }

    private static ModuleSpec conv2d(ModuleSpec conv) {
        return conv.children().get("conv");
    }

    private static Map<String, Object> yaml(double depth, double width, List<Object> backbone) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("nc", 80);
        yaml.put("depth_multiple", depth);
        yaml.put("width_multiple", width);
        yaml.put("anchors", List.of(List.of(10, 13, 16, 30, 33, 23)));
        yaml.put("backbone", backbone);
        yaml.put("head", List.of());
        return yaml;
    }

    private static List<Object> row(Object from, int n, String module, Object... args) {
        List<Object> a = new ArrayList<>(java.util.Arrays.asList(args));
        return List.of(from, n, module, a);
    }
}
