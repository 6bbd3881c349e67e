package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Gradients through SiLU stay finite for large inputs. SameDiff M2.1's own swish has a backward that overflows to
 * NaN above ~44; trained YOLO11 heads reach such values (the oracle's v11n_bus_320 does in its class branches).
 */
class SiluGradientTest {
    @Test
    void theGradientBeforeASiluFedWithLargeValuesIsFinite() {
        YoloModel model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        YoloGraph graph = model.graph(new GraphSpec(1, 64, 64, Set.of("model.0.conv")));
        INDArray bright = Nd4j.rand(DataType.FLOAT, 1, 3, 64, 64).muli(2000).subi(1000);
        OutAndGrad pass = graph.forwardBackward(bright, List.of("model.0.conv"), List.of("model.0.conv"),
                raw -> Nd4j.onesLike(raw)); // d(sum of the Detect output)
        INDArray conv = pass.getOutputs().get("model.0.conv");
        assertTrue(conv.maxNumber().doubleValue() > 100, "the SiLU sees inputs above 100: " + conv.maxNumber());
        float[] gradient = FloatArrays.values(pass.getGradients().get("model.0.conv"));
        long notFinite = 0;
        for (float g : gradient) {
            notFinite += Float.isFinite(g) ? 0 : 1;
        }
        assertTrue(notFinite == 0, notFinite + " of " + gradient.length + " gradient values at model.0.conv are not "
                + "finite");
    }
}
