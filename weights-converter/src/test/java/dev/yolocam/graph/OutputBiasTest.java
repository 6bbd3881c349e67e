package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import dev.yolocam.torch.ModuleNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The per-channel bias each module adds last, recorded by the builder that folded the BatchNorms. */
class OutputBiasTest {

    @Test
    void aConvBlocksConvRecordsTheFusedBiasItAddsToAZeroInput() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        YoloGraph graph = model.graph(GraphSpec.forward(64, 64));
        INDArray out = graph.outputs(Nd4j.zeros(DataType.FLOAT, 1, 3, 64, 64), List.of("model.0.conv"))
                .get("model.0.conv");
        float[] bias = graph.outputBias("model.0.conv").orElseThrow();
        assertEquals(out.size(1), bias.length);
        for (int c = 0; c < bias.length; c++) {
            assertEquals(out.getFloat(0, c, 16, 16), bias[c], "channel " + c);
        }
    }

    @Test
    void plainConvolutionsRecordTheirOwnBiasAndActivationsAndBlocksNone() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        YoloGraph graph = model.graph(GraphSpec.forward(64, 64));
        float[] detectConv = model.description().root().find("model.24.m.1").orElseThrow().tensor("bias")
                .orElseThrow().toFloats();
        assertArrayEquals(detectConv, graph.outputBias("model.24.m.1").orElseThrow());
        for (String noBias : List.of("model.0", "model.0.act", "model.24", "model.2.m.0", "not.a.layer")) {
            assertTrue(graph.outputBias(noBias).isEmpty(), noBias);
        }
    }

    /** A v5.0 BottleneckCSP keeps a stand-alone BatchNorm2d and two Conv2d without a bias. */
    @Test
    void aStandAloneBatchNormRecordsItsShiftAndABiasFreeConvNothing() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("fixtures/v5focus.pt"), Optional.empty());
        YoloGraph graph = model.graph(GraphSpec.forward(96, 96));
        assertTrue(graph.outputBias("model.2.cv2").isEmpty());
        assertTrue(graph.outputBias("model.2.cv3").isEmpty());
        assertTrue(graph.outputBias("model.0.conv.conv").isPresent(), "Focus's Conv has its BatchNorm folded in");
        ModuleNode bn = model.description().root().find("model.2.bn").orElseThrow();
        float[] gamma = bn.tensor("weight").orElseThrow().toFloats();
        float[] beta = bn.tensor("bias").orElseThrow().toFloats();
        float[] mean = bn.tensor("running_mean").orElseThrow().toFloats();
        float[] variance = bn.tensor("running_var").orElseThrow().toFloats();
        float eps = ((Number) bn.attributes().get("eps")).floatValue();
        float[] shift = graph.outputBias("model.2.bn").orElseThrow();
        assertEquals(gamma.length, shift.length);
        for (int c = 0; c < shift.length; c++) {
            assertEquals(beta[c] - gamma[c] * mean[c] / (float) Math.sqrt(variance[c] + eps), shift[c], "channel " + c);
        }
    }

    @Test
    void everyGraphOfAModelAnswersAlikeAndTheModelBuildsOneWhenItHasNone() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        float[] before = model.outputBias("model.9.cv2.conv").orElseThrow();
        float[] batched = model.graph(new GraphSpec(2, 96, 64, java.util.Set.of("model.9"))).outputBias(
                "model.9.cv2.conv").orElseThrow();
        assertArrayEquals(before, batched);
    }

    @Test
    void callersCannotChangeTheRecordedBias() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        YoloGraph graph = model.graph(GraphSpec.forward(64, 64));
        float[] first = graph.outputBias("model.0.conv").orElseThrow();
        float kept = first[0];
        first[0] = kept + 1;
        assertEquals(kept, graph.outputBias("model.0.conv").orElseThrow()[0]);
    }
}
