package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.graph.GraphBuilder;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.ModelDescription;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.testing.Oracle;
import dev.yolocam.torch.CheckpointReader;
import dev.yolocam.torch.ModuleNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * End to end: a state_dict-only checkpoint plus its YAML, rebuilt and turned into a graph, gives the Detect output
 * the Python stand-in computed from it ({@code statedict.raw.npy}, the DetectMultiBackend fuse=True path).
 */
class StateDictModelParityTest {

    @Test
    void rebuiltStateDictModelComputesTheFixtureOutput() {
        Path dir = Oracle.testdata().resolve("fixtures");
        Path weights = dir.resolve("statedict.pt");
        ModuleNode root = YamlModelBuilder.build(dir.resolve("statedict.yaml"),
                CheckpointReader.read(weights).stateDict());
        INDArray input = Nd4j.createFromNpyFile(dir.resolve("statedict.input.npy").toFile());
        INDArray expected = Nd4j.createFromNpyFile(dir.resolve("statedict.raw.npy").toFile());

        YoloGraph graph = GraphBuilder.build(ModelDescription.of(root, weights),
                GraphSpec.forward((int) input.size(2), (int) input.size(3)));
        INDArray actual = graph.predict(input);

        assertArrayEquals(expected.shape(), actual.shape());
        INDArray diff = actual.sub(expected);
        double coords = diff.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 4))
                .amaxNumber().doubleValue();
        double probs = diff.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(4, expected.size(2)))
                .amaxNumber().doubleValue();
        assertTrue(coords <= 1e-3, "coordinates differ by " + coords);
        assertTrue(probs <= 1e-5, "probabilities differ by " + probs);
    }
}
