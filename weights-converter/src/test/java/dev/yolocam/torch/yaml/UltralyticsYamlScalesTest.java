package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every scale of the bundled upstream {@code yolov8.yaml} / {@code yolo11.yaml}, selected by file name as
 * {@code yaml_model_load} does, against what upstream Ultralytics 8.3.166 builds: parameter counts (unfused, and
 * fused: each BatchNorm's weight + bias become one conv bias) and Detect strides, counted from the state_dict layout
 * without allocating tensors.
 */
class UltralyticsYamlScalesTest {
    private static final Set<String> BUFFERS = Set.of("running_mean", "running_var", "num_batches_tracked");

    /**
     * Unfused counts for nc=80: the yaml comments' "summary: ... parameters" (n: also the oracle README); all of them
     * (and the fused ones, = unfused minus the BatchNorm channels) reproduced by running upstream 8.3.166 from its
     * source ({@code DetectionModel('<name>.yaml')}, {@code sum(p.numel() for p in model.parameters())},
     * YOLO_OFFLINE=True) on this machine; the full state_dict layouts (keys, order, shapes) matched too.
     */
    @ParameterizedTest
    @CsvSource({
            "yolov8n, 3157200, 3151904",
            "yolov8s, 11166560, 11156544",
            "yolov8m, 25902640, 25886080",
            "yolov8l, 43691520, 43668288",
            "yolov8x, 68229648, 68200608",
            "yolo11n, 2624080, 2616248",
            "yolo11s, 9458752, 9443760",
            "yolo11m, 20114688, 20091712",
            "yolo11l, 25372160, 25340992",
            "yolo11x, 56966176, 56919424"})
    void everyScaleHasUpstreamsParameterCounts(String variant, long unfused, long fused) throws IOException {
        Map<String, Object> yaml = bundled(variant);
        Map<String, long[]> layout = YamlModelBuilder.expectedTensors(yaml);
        long parameters = 0;
        long batchNormChannels = 0;
        for (Map.Entry<String, long[]> e : layout.entrySet()) {
            String name = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            if (!BUFFERS.contains(name)) {
                parameters += numel(e.getValue());
            }
            if (name.equals("running_var")) {
                batchNormChannels += numel(e.getValue());
            }
        }
        assertEquals(unfused, parameters, variant + " parameters");
        assertEquals(fused, parameters - batchNormChannels, variant + " parameters after fusing");
        assertArrayEquals(new double[] {8, 16, 32}, YamlModelBuilder.detectStrides(yaml), variant + " strides");
    }

    /** The bundled upstream yaml as {@code yaml_model_load('<variant>.yaml')} returns it. */
    static Map<String, Object> bundled(String variant) throws IOException {
        String family = variant.substring(0, variant.length() - 1);
        Map<?, ?> content = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(UltralyticsYamlCheckpointTest.upstreamYaml(family + ".yaml"));
        return YamlModelBuilder.ultralyticsYamlLoadedFrom(content, variant + ".yaml");
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
