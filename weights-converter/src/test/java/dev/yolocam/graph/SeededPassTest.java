package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A seeded pass hands back what its seeding function decided from the pass's own Detect output, on the session's
 * first pass and on replayed ones, and its gradients are those of the seed the function returned.
 */
class SeededPassTest {
    private static final List<String> TAPS = List.of("model.23");

    @Test
    void theDecisionComesFromThisVeryPassAndTheGradientFromItsSeed() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        YoloGraph graph = model.graph(new GraphSpec(1, 64, 96, Set.copyOf(TAPS)));
        Nd4j.getRandom().setSeed(3);
        for (int pass = 0; pass < 2; pass++) { // the session's pass, then a replay
            INDArray input = Nd4j.rand(DataType.FLOAT, 1, 3, 64, 96);
            SeededPass<Double> seeded = graph.seededPass(input, TAPS, TAPS,
                    raw -> new SeededPass.Seed<>(raw.mul(2), raw.sumNumber().doubleValue()));
            INDArray detect = graph.predict(input);
            assertEquals(detect.sumNumber().doubleValue(), seeded.decision(), 1e-6 * Math.abs(seeded.decision()),
                    "pass " + pass + ": decided from its own output");
            OutAndGrad plain = graph.forwardBackward(input, TAPS, TAPS, raw -> raw.mul(2));
            assertEquals(plain.getGradients().get("model.23"), seeded.pass().getGradients().get("model.23"),
                    "pass " + pass + ": the gradient of the returned seed");
        }
    }
}
