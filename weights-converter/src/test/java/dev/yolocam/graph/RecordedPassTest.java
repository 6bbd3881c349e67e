package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A graph records its first pass of a kind and replays the recorded ops on arrays of its own from then on, that first
 * pass included: a pass's numbers must not depend on what the graph ran before (bit for bit, forward and gradients;
 * a replay's gradients through 3x3 convolutions sum in another order than the session's, see
 * {@link InputGradientConvolution}, which is why the session's own result is never handed out), and what a pass
 * returns must stay the caller's. The replay's agreement with upstream is the parity tests' job.
 */
class RecordedPassTest {
    private static final List<String> TAPS = List.of("model.17", "model.20", "model.23");
    private static final List<String> READ = List.of("model.2.m.0.cv1.act", "model.17", "model.20", "model.23");
    private static YoloModel model;
    private static INDArray first;
    private static INDArray second;

    @BeforeAll
    static void load() {
        model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        Nd4j.getRandom().setSeed(7);
        first = Nd4j.rand(DataType.FLOAT, 2, 3, 128, 160);
        second = Nd4j.rand(DataType.FLOAT, 2, 3, 128, 160);
    }

    /** A graph of its own that has never run: its first pass records the session, then replays. */
    private static YoloGraph freshGraph(GraphSpec spec) {
        return new YoloModel(model.description()).graph(spec);
    }

    @Test
    void aForwardPassAfterAnotherEqualsAFreshGraphsFirstBitForBit() {
        GraphSpec spec = new GraphSpec(2, 128, 160, Set.of());
        YoloGraph graph = model.graph(spec);
        graph.outputs(first, READ);
        Map<String, INDArray> replayed = graph.outputs(second, READ);
        Map<String, INDArray> session = freshGraph(spec).outputs(second, READ);
        for (String name : READ) {
            assertArrayEquals(FloatArrays.values(session.get(name)), FloatArrays.values(replayed.get(name)), name);
        }
    }

    @Test
    void aGradientPassAfterAnotherEqualsAFreshGraphsFirstBitForBitAndCallsTheSeedEachTime() {
        GraphSpec spec = new GraphSpec(2, 128, 160, new LinkedHashSet<>(TAPS));
        YoloGraph graph = model.graph(spec);
        int[] seedCalls = {0};
        UnaryOperator<INDArray> seed = raw -> {
            seedCalls[0]++;
            return raw.mul(0.01);
        };
        graph.forwardBackward(first, READ, TAPS, seed);
        OutAndGrad replayed = graph.forwardBackward(second, READ, TAPS, seed);
        OutAndGrad session = freshGraph(spec).forwardBackward(second, READ, TAPS, raw -> raw.mul(0.01));
        // the first pass of a kind seeds twice: its recording session, then its replay
        assertEquals(3, seedCalls[0], "the seed function sees every pass's Detect output");
        for (String name : READ) {
            assertArrayEquals(FloatArrays.values(session.getOutputs().get(name)),
                    FloatArrays.values(replayed.getOutputs().get(name)), name);
        }
        for (String name : TAPS) {
            INDArray expected = session.getGradients().get(name);
            assertTrue(expected.amaxNumber().doubleValue() > 0, "a gradient reaches " + name);
            assertArrayEquals(FloatArrays.values(expected), FloatArrays.values(replayed.getGradients().get(name)),
                    "gradient at " + name);
        }
    }

    @Test
    void whatAPassReturnsIsNotOverwrittenByTheNext() {
        YoloGraph graph = model.graph(new GraphSpec(2, 128, 160, Set.of()));
        graph.predict(first);
        INDArray a = graph.predict(first);
        INDArray kept = a.dup();
        INDArray b = graph.predict(second);
        assertNotSame(a, b);
        assertEquals(kept, a, "the first result is unchanged by the second pass");
    }
}
