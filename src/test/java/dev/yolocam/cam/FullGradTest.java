package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.cam.methods.FullGrad;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.graph.GraphBuilder;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.model.MemoryPolicy;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import dev.yolocam.torch.ModuleNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * FullGrad: end to end on the embedded model, its combination against a naive transcription of upstream, the fused
 * biases it reads, and the input-gradient tap it needs against finite differences.
 */
class FullGradTest {
    private static final FullGrad FULL_GRAD = new FullGrad();
    private static final int LEAKY_SIZE = 64;
    private static YoloModel shapes;

    @Test
    void explainsTheShapesModelWithOneForwardAndOneBackward() {
        YoloModel model = shapesModel();
        Path image = Oracle.testdata().resolve("default/images/test_0001.png");
        Detector detector = new Detector(model, InputSize.square(320), NmsOptions.defaults());
        Detector.Prepared prepared = detector.prepare(image);
        int h = prepared.letterbox().height();
        int w = prepared.letterbox().width();
        List<String> layers = FULL_GRAD.layers(model.graph(GraphSpec.forward(h, w)).layers());
        PassCounter counter = new PassCounter(GraphBuilder.INPUT_TAP);
        model.graph(new GraphSpec(1, h, w, Set.copyOf(layers))).addObserver(counter);

        CamRequest request = CamRequest.of(FULL_GRAD, List.of("model.23"));
        ExplainResult result = new CamEngine(detector, request, new MemoryPolicy(1000)).explain(prepared);

        assertFalse(result.noDetections());
        assertEquals(1, result.maps().size());
        CamMap map = result.maps().get(0);
        assertEquals(layers, map.layers(), "the layers FullGrad chose, not the requested one");
        assertEquals(h * w, map.input().length);
        float max = 0;
        for (float v : map.input()) {
            assertFalse(Float.isNaN(v));
            assertTrue(v >= 0 && v <= 1, "value " + v);
            max = Math.max(max, v);
        }
        assertTrue(max > 0.99f, "a non-trivial map reaches 1 after scaling, max " + max);
        assertEquals(1, counter.forwards, "forward passes through the gradient graph");
        assertEquals(1, counter.backwards, "backward passes");
    }

    @Test
    void choosesTheInputAndEveryConvolutionOfTheFusedModel() {
        YoloModel model = shapesModel();
        List<String> layers = FULL_GRAD.layers(model.graph(GraphSpec.forward(320, 320)).layers());
        assertEquals(GraphBuilder.INPUT_TAP, layers.get(0));
        assertTrue(layers.containsAll(List.of("model.0.conv", "model.2.m.0.cv1.conv", "model.9.cv2.conv",
                "model.24.m.0", "model.24.m.1", "model.24.m.2")), layers.toString());
        assertTrue(layers.stream().skip(1).allMatch(l -> l.endsWith(".conv") || l.startsWith("model.24.m.")),
                layers.toString());
        long convBlocks = model.graph(GraphSpec.forward(320, 320)).layers().stream()
                .filter(l -> l.simpleClass().equals("Conv")).count();
        assertEquals(1 + convBlocks + 3, layers.size(), "the input, one conv per Conv block, three Detect convs");
    }

    /** With a zero input image the first conv's output is its bias in every pixel: the bias the graph adds. */
    @Test
    void readsTheFusedBiasTheGraphAdds() {
        YoloModel model = shapesModel();
        YoloGraph graph = model.graph(GraphSpec.forward(320, 320));
        INDArray out = graph.outputs(Nd4j.zeros(DataType.FLOAT, 1, 3, 320, 320), List.of("model.0.conv"))
                .get("model.0.conv");
        assertArrayEquals(new long[] {1, out.size(1), 160, 160}, out.shape());
        GraphModelAccess access = new GraphModelAccess(model, null, null, null);
        float[] bias = access.layerBias("model.0.conv").orElseThrow();
        assertEquals(out.size(1), bias.length);
        for (int c = 0; c < bias.length; c++) {
            assertEquals(out.getFloat(0, c, 80, 80), bias[c], 1e-6f * (1 + Math.abs(bias[c])), "channel " + c);
        }
        float[] detect = model.description().root().find("model.24.m.1").orElseThrow()
                .tensor("bias").orElseThrow().toFloats();
        assertArrayEquals(detect, access.layerBias("model.24.m.1").orElseThrow());
        assertTrue(access.layerBias("model.0.act").isEmpty());
        assertTrue(access.layerBias("model.0").isEmpty());
    }

    /** A v5.0-style model: BottleneckCSP keeps a stand-alone BatchNorm2d and two Conv2d without a bias. */
    @Test
    void readsStandAloneBatchNormShiftsAndNoBiasForBiasFreeConvolutions() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("fixtures/v5focus.pt"), Optional.empty());
        List<String> layers = FULL_GRAD.layers(model.graph(GraphSpec.forward(96, 96)).layers());
        assertTrue(layers.containsAll(List.of("model.0.conv.conv", "model.2.bn", "model.2.cv2", "model.2.cv4.conv")),
                layers.toString());
        GraphModelAccess access = new GraphModelAccess(model, null, null, null);
        assertTrue(access.layerBias("model.2.cv2").isEmpty(), "BottleneckCSP's cv2 has no bias");
        assertTrue(access.layerBias("model.0.conv.conv").isPresent(), "Focus's Conv has its BatchNorm folded in");
        ModuleNode bn = model.description().root().find("model.2.bn").orElseThrow();
        float[] gamma = bn.tensor("weight").orElseThrow().toFloats();
        float[] beta = bn.tensor("bias").orElseThrow().toFloats();
        float[] mean = bn.tensor("running_mean").orElseThrow().toFloats();
        float[] variance = bn.tensor("running_var").orElseThrow().toFloats();
        double eps = ((Number) bn.attributes().get("eps")).doubleValue();
        float[] shift = access.layerBias("model.2.bn").orElseThrow();
        assertEquals(gamma.length, shift.length);
        for (int c = 0; c < shift.length; c++) {
            double expected = beta[c] - mean[c] * gamma[c] / Math.sqrt(variance[c] + eps);
            assertEquals(expected, shift[c], 1e-5 * (1 + Math.abs(expected)), "channel " + c);
        }
    }

    /**
     * Summing the scaled channel maps before one resize equals upstream's resize-then-sum in exact arithmetic;
     * in float32 the final min-max scaling amplifies the rounding on degenerate maps of one or two pixels (a 1x2
     * input moved a value by 3e-4), so the sizes start where real layers do.
     */
    @Property(tries = 200)
    void combinationEqualsUpstreamsPerChannelResizeAndSum(@ForAll long seed,
            @ForAll @IntRange(min = 8, max = 24) int height, @ForAll @IntRange(min = 8, max = 24) int width) {
        assertCombinationMatchesNaive(seed, height, width, false, 2e-5);
    }

    /**
     * eigen_smooth projects the terms on their first principal direction, which moves by rounding / (gap between
     * the first two singular values): fixed cases, so that a near-degenerate draw cannot make the test flaky.
     */
    @Test
    void eigenSmoothCombinationEqualsUpstreamsProjection() {
        assertCombinationMatchesNaive(1, 32, 40, true, 1e-4);
        assertCombinationMatchesNaive(2, 64, 64, true, 1e-4);
        assertCombinationMatchesNaive(3, 24, 16, true, 1e-4);
    }

    private static void assertCombinationMatchesNaive(long seed, int height, int width, boolean eigenSmooth,
                                                      double tolerance) {
        Random random = new Random(seed);
        List<LayerTensors> tensors = new ArrayList<>();
        tensors.add(randomTensors(GraphBuilder.INPUT_TAP, 3, height, width, random));
        Map<String, float[]> biases = new HashMap<>();
        for (int k = 0; k < 3; k++) {
            String name = "model." + k + ".conv";
            LayerTensors t = randomTensors(name, 1 + random.nextInt(5), 1 + random.nextInt(height),
                    1 + random.nextInt(width), random);
            tensors.add(t);
            biases.put(name, uniform(t.channels(), random));
        }
        tensors.add(randomTensors("model.3.cv2", 2, 3, 3, random));
        StubModel model = new StubModel(height, width, biases);

        float[] expected = naiveFullGrad(tensors, biases, height, width, eigenSmooth);
        float[] actual = FULL_GRAD.combine(tensors, eigenSmooth, model);

        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "pixel " + i);
        }
    }

    /** The input tap's output is the input, its gradient that of the target, checked by central differences. */
    @Test
    void inputTapGivesTheGradientOfTheTargetWithRespectToTheImage() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("fixtures/leaky.pt"), Optional.empty());
        int size = LEAKY_SIZE;
        Random random = new Random(11);
        float[] image = new float[3 * size * size];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat();
        }
        YoloGraph forward = model.graph(GraphSpec.forward(size, size));
        long[] outShape = forward.layer(forward.outputName()).orElseThrow().shape();
        float[] weights = new float[(int) (outShape[1] * outShape[2])];
        for (int i = 0; i < weights.length; i++) {
            // Objectness and class scores only: sigmoid outputs, so the target stays of order one.
            weights[i] = i % outShape[2] >= 4 ? 2 * random.nextFloat() - 1 : 0f;
        }
        INDArray seed = Nd4j.create(weights, outShape, DataType.FLOAT);
        YoloGraph tapped = model.graph(new GraphSpec(1, size, size, Set.of(GraphBuilder.INPUT_TAP)));
        INDArray input = Nd4j.create(image, new long[] {1, 3, size, size}, DataType.FLOAT);
        OutAndGrad pass = tapped.forwardBackward(input, List.of(GraphBuilder.INPUT_TAP),
                List.of(GraphBuilder.INPUT_TAP), raw -> seed);
        assertEquals(input, pass.getOutputs().get(GraphBuilder.INPUT_TAP));
        float[] gradient = pass.getGradients().get(GraphBuilder.INPUT_TAP).dup('c').data().asFloat();

        float largest = 0;
        for (float g : gradient) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertTrue(largest > 1e-3, "the target depends on the input, max |gradient| " + largest);
        List<Integer> pixels = new ArrayList<>(IntStream.range(0, gradient.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -Math.abs(gradient[i]))).limit(4).toList());
        pixels.addAll(List.of(0, 3 * size * size / 2 + 7, gradient.length - 1));
        double eps = 1e-2;
        for (int p : pixels) {
            double difference = (target(forward, image, p, eps, weights) - target(forward, image, p, -eps, weights))
                    / (2 * eps);
            assertEquals(difference, gradient[p], 0.02 * largest, "pixel " + p);
        }
    }

    /** sum(weights * Detect output) for the image with pixel p moved by delta, summed in double. */
    private static double target(YoloGraph graph, float[] image, int p, double delta, float[] weights) {
        float[] moved = image.clone();
        moved[p] = (float) (moved[p] + delta);
        float[] out = graph.predict(Nd4j.create(moved, new long[] {1, 3, LEAKY_SIZE, LEAKY_SIZE}, DataType.FLOAT))
                .dup('c').data().asFloat();
        double total = 0;
        for (int i = 0; i < out.length; i++) {
            total += (double) weights[i] * out[i];
        }
        return total;
    }

    /**
     * pytorch-grad-cam's FullGrad written out literally: every channel of every term min-max scaled and resized to
     * the input on its own, then summed (or projected), then scaled. A layer without a bias contributes nothing.
     */
    private static float[] naiveFullGrad(List<LayerTensors> tensors, Map<String, float[]> biases, int height,
                                         int width, boolean eigenSmooth) {
        List<float[]> terms = new ArrayList<>();
        for (LayerTensors t : tensors) {
            boolean input = t.layer().equals(GraphBuilder.INPUT_TAP);
            float[] bias = biases.get(t.layer());
            if (!input && bias == null) {
                continue;
            }
            float[] layerSum = new float[height * width];
            for (int c = 0; c < t.channels(); c++) {
                float[] product = new float[t.pixels()];
                for (int i = 0; i < product.length; i++) {
                    float factor = input ? t.activation()[c * t.pixels() + i] : bias[c];
                    product[i] = Math.abs(factor * t.gradient()[c * t.pixels() + i]);
                }
                float[] resized = MapResize.bilinear(minMax(product), t.height(), t.width(), height, width);
                if (input) {
                    terms.add(resized);
                } else {
                    for (int i = 0; i < layerSum.length; i++) {
                        layerSum[i] += resized[i];
                    }
                }
            }
            if (!input) {
                terms.add(layerSum);
            }
        }
        if (eigenSmooth) {
            int h = height / 8;
            int w = width / 8;
            float[] stack = new float[terms.size() * h * w];
            for (int k = 0; k < terms.size(); k++) {
                float[] small = MapResize.bilinear(minMax(terms.get(k)), height, width, h, w);
                System.arraycopy(small, 0, stack, k * h * w, h * w);
            }
            float[] projection = CamMath.projection(stack, terms.size(), h, w);
            return minMax(MapResize.bilinear(minMax(projection), h, w, height, width));
        }
        float[] total = new float[height * width];
        for (float[] term : terms) {
            for (int i = 0; i < total.length; i++) {
                total[i] += term[i];
            }
        }
        return minMax(total);
    }

    /** {@code scale_cam_image} of one map: {@code x - min}, divided by {@code 1e-7 + max}. */
    private static float[] minMax(float[] map) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : map) {
            min = Math.min(min, v);
        }
        float max = 0;
        float[] out = new float[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = map[i] - min;
            max = Math.max(max, out[i]);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= (float) (1e-7 + max);
        }
        return out;
    }

    private static LayerTensors randomTensors(String layer, int channels, int height, int width, Random random) {
        int n = channels * height * width;
        return new LayerTensors(layer, channels, height, width, uniform(n, random), uniform(n, random));
    }

    private static float[] uniform(int n, Random random) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = 2 * random.nextFloat() - 1;
        }
        return out;
    }

    private static synchronized YoloModel shapesModel() {
        if (shapes == null) {
            shapes = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        }
        return shapes;
    }

    /** Input size and biases only: FullGrad's combination asks for nothing else. */
    private static final class StubModel extends RefusingModel {
        private final int inputHeight;
        private final int inputWidth;
        private final Map<String, float[]> biases;

        StubModel(int inputHeight, int inputWidth, Map<String, float[]> biases) {
            this.inputHeight = inputHeight;
            this.inputWidth = inputWidth;
            this.biases = biases;
        }

        @Override
        public int inputHeight() {
            return inputHeight;
        }

        @Override
        public int inputWidth() {
            return inputWidth;
        }

        @Override
        public Optional<float[]> layerBias(String layer) {
            return Optional.ofNullable(biases.get(layer));
        }
    }
}
