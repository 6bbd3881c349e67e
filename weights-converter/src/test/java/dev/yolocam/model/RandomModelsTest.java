package dev.yolocam.model;

import dev.yolocam.head.Yolov5DetectHead;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.graph.GraphBuilder;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.ModelDescription;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import dev.yolocam.torch.yaml.YamlModelBuilder;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class RandomModelsTest {
    private static final Set<String> BUFFERS = Set.of("running_mean", "running_var", "num_batches_tracked", "anchors");

    @Test
    void yolov5sHasTheParameterCountOfUpstreamV70() {
        ModuleNode root = RandomModels.yolov5("yolov5s", 80, 1);
        Set<TensorData> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long parameters = 0;
        for (ModuleNode node : root.preOrder()) {
            for (TensorData t : node.parameters().values()) {
                if (seen.add(t)) {
                    parameters += t.numel();
                }
            }
        }
        assertEquals(7_235_389, parameters); // "YOLOv5s summary: 214 layers, 7235389 parameters"
    }

    /**
     * Every bundled YAML against upstream's counts for nc=80, unfused (what models/yolo.py prints on build) and fused
     * (what val.py / detect.py print: each BatchNorm's weight + bias become one conv bias). Counted from the
     * state_dict layout, without allocating the big models.
     */
    @ParameterizedTest
    @CsvSource({
            "yolov5n, 1872157, 1867405",
            "yolov5s, 7235389, 7225885",
            "yolov5m, 21190557, 21172173",
            "yolov5l, 46563709, 46533693",
            "yolov5x, 86749405, 86705005",
            "yolov5n6, 3246940, 3239884",
            "yolov5s6, 12626620, 12612508"})
    void everyVariantHasUpstreamsParameterCounts(String variant, long unfused, long fused) {
        Map<String, long[]> layout = YamlModelBuilder.expectedTensors(RandomModels.yaml(variant));
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
    }

    @Test
    void yolov5sBuildsAt320And640AndItsOutputDependsOnTheInput() {
        ModelDescription model = ModelDescription.of(RandomModels.yolov5("yolov5s", 80, 42), null);
        INDArray image = image(320, 320, 1, false);
        INDArray other = image(320, 320, 1, true);
        YoloGraph at320 = GraphBuilder.build(model, GraphSpec.forward(320, 320));
        INDArray out = at320.predict(image);
        INDArray outOther = at320.predict(other);
        assertArrayEquals(new long[] {1, 3 * (40 * 40 + 20 * 20 + 10 * 10), 85}, out.shape());
        INDArray conf = confidences(out);
        assertTrue(Double.isFinite(out.sumNumber().doubleValue()), "finite output");
        assertTrue(conf.stdNumber().doubleValue() > 0.05, "obj/cls vary: std " + conf.stdNumber());
        // Upstream's default init is bias-dominated: mean |diff| ~1e-8 here. The oracle's recipe gives 5e-3 to 1e-2
        // at this size (80 classes, most near 0 everywhere), with single probabilities moving by ~0.4.
        INDArray change = Nd4j.math().abs(conf.sub(confidences(outOther)));
        assertTrue(change.meanNumber().doubleValue() > 2e-3, "obj/cls change with the input: mean |diff| "
                + change.meanNumber());
        assertTrue(change.maxNumber().doubleValue() > 0.1, "obj/cls change: max |diff| " + change.maxNumber());

        INDArray at640 = GraphBuilder.build(model, GraphSpec.forward(640, 640))
                .predict(image(640, 640, 3, false));
        assertArrayEquals(new long[] {1, 25_200, 85}, at640.shape());
        assertTrue(Double.isFinite(at640.sumNumber().doubleValue()), "finite output at 640");
    }

    @Test
    void yolov5n6BuildsAt256WithFourLevelsAndTheP6Anchors() {
        ModelDescription model = ModelDescription.of(RandomModels.yolov5("yolov5n6", 3, 5), null);
        assertEquals(4, model.detect().levels());
        assertArrayEquals(new float[] {8, 16, 32, 64}, model.detect().strides());
        assertEquals(436f, ((Yolov5DetectHead) model.detect()).anchorPixels(3, 0, 0), 1e-4);
        assertEquals(792f, ((Yolov5DetectHead) model.detect()).anchorPixels(3, 2, 1), 1e-4);
        assertEquals(List.of("0", "1", "2"), model.classNames());
        INDArray out = GraphBuilder.build(model, GraphSpec.forward(256, 256))
                .predict(image(256, 256, 4, false));
        assertArrayEquals(new long[] {1, 3 * (32 * 32 + 16 * 16 + 8 * 8 + 4 * 4), 8}, out.shape());
        assertTrue(Double.isFinite(out.sumNumber().doubleValue()), "finite output");
    }

    @Test
    void theSameSeedGivesIdenticalWeightsAndAnotherSeedDifferentOnes() {
        Map<String, TensorData> a = tensors(RandomModels.yolov5("yolov5n", 4, 7));
        Map<String, TensorData> b = tensors(RandomModels.yolov5("yolov5n", 4, 7));
        Map<String, TensorData> c = tensors(RandomModels.yolov5("yolov5n", 4, 8));
        assertEquals(a.keySet(), b.keySet());
        for (String key : a.keySet()) {
            assertArrayEquals(a.get(key).contiguousBytes(), b.get(key).contiguousBytes(), key);
        }
        assertFalse(Arrays.equals(a.get("model.0.conv.weight").contiguousBytes(),
                c.get("model.0.conv.weight").contiguousBytes()));
    }

    @Test
    void weightsFollowTheOracleRecipe() {
        Map<String, TensorData> t = tensors(RandomModels.yolov5("yolov5n", 80, 3));
        assertWithin(t.get("model.2.cv1.bn.running_var"), 0.5, 2.0);
        assertWithin(t.get("model.2.cv1.bn.weight"), 0.5, 1.5);
        double bound = 2.5 / Math.sqrt(3 * 6 * 6);
        assertWithin(t.get("model.0.conv.weight"), -bound, bound);
        // level 0 (stride 8) objectness prior log(8 / 80^2) = -6.68, plus a default bias of at most 1/sqrt(64)
        float[] bias = t.get("model.24.m.0.bias").toFloats();
        assertEquals(255, bias.length);
        for (int anchor = 0; anchor < 3; anchor++) {
            assertEquals(Math.log(8.0 / (80 * 80)), bias[anchor * 85 + 4], 0.125 + 1e-6);
            assertEquals(Math.log(0.6 / (80 - 0.99999)), bias[anchor * 85 + 5], 0.125 + 1e-6);
        }
        assertArrayEquals(new float[] {10 / 8f, 13 / 8f, 16 / 8f, 30 / 8f, 33 / 8f, 23 / 8f},
                Arrays.copyOf(t.get("model.24.anchors").toFloats(), 6));
    }

    @Test
    void anUnknownVariantIsRejectedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RandomModels.yolov5("yolov5q", 80, 0));
        assertTrue(e.getMessage().contains("yolov5q") && e.getMessage().contains("yolov5n6"), e.getMessage());
    }

    /**
     * A (1, 3, h, w) image in [0, 1]: smooth colour gradients plus seeded noise (like the fixtures' inputs), or its
     * mirror image; a model whose output barely changes between the two is dominated by its biases.
     */
    private static INDArray image(int h, int w, long seed, boolean mirrored) {
        Random random = new Random(seed);
        float[] pixels = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double u = (double) x / w;
                    double v = (double) y / h;
                    double smooth = switch (c) {
                        case 0 -> 0.5 + 0.35 * Math.sin(2 * Math.PI * (1.5 * u + 0.5 * v));
                        case 1 -> 0.5 + 0.35 * Math.cos(2 * Math.PI * (2.0 * v - 0.7 * u));
                        default -> 0.5 + 0.3 * Math.sin(2 * Math.PI * 3.0 * u * v) * Math.cos(2 * Math.PI * v);
                    };
                    int column = mirrored ? w - 1 - x : x;
                    pixels[(c * h + y) * w + column] =
                            (float) Math.min(1, Math.max(0, smooth + 0.12 * random.nextGaussian()));
                }
            }
        }
        return Nd4j.create(pixels, new long[] {1, 3, h, w}, DataType.FLOAT);
    }

    private static INDArray confidences(INDArray out) {
        return out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(4, out.size(2)));
    }

    private static Map<String, TensorData> tensors(ModuleNode root) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (ModuleNode node : root.preOrder()) {
            String prefix = node.path().isEmpty() ? "" : node.path() + ".";
            node.parameters().forEach((name, tensor) -> out.put(prefix + name, tensor));
            node.buffers().forEach((name, tensor) -> out.put(prefix + name, tensor));
        }
        return out;
    }

    private static void assertWithin(TensorData tensor, double low, double high) {
        for (float v : tensor.toFloats()) {
            assertTrue(v >= low && v <= high, v + " outside [" + low + ", " + high + "]");
        }
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
