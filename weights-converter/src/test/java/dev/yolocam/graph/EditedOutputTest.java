package dev.yolocam.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A spec's edited outputs: {@code out * scale + shift} per batch item and channel, fed at each pass. */
class EditedOutputTest {
    private static final String LAYER = "model.4";
    private static final int H = 64;
    private static final int W = 96;
    private static YoloModel model;
    private static INDArray images;

    @BeforeAll
    static void load() {
        model = ModelLoader.load(Oracle.testdata().resolve("default/shapes-yolov5n.pt"), Optional.empty());
        Nd4j.getRandom().setSeed(11);
        images = Nd4j.rand(DataType.FLOAT, 2, 3, H, W);
    }

    private static Map<String, INDArray> edit(float[] scale, float[] shift, long channels) {
        return Map.of(GraphSpec.editScale(LAYER), Nd4j.create(scale, new long[] {2, channels}, DataType.FLOAT),
                GraphSpec.editShift(LAYER), Nd4j.create(shift, new long[] {2, channels}, DataType.FLOAT));
    }

    @Test
    void scaleOneAndShiftZeroLeaveEveryOutputAsItWas() {
        YoloGraph plain = model.graph(new GraphSpec(2, H, W, Set.of()));
        YoloGraph edited = model.graph(new GraphSpec(2, H, W, Set.of()).withEditedOutput(LAYER));
        long c = edited.layer(LAYER).orElseThrow().shape()[1];
        float[] ones = new float[(int) (2 * c)];
        Arrays.fill(ones, 1f);
        List<String> read = List.of(LAYER, plain.outputName());
        Map<String, INDArray> expected = plain.outputs(images, read);
        Map<String, INDArray> actual = edited.outputs(images, edit(ones, new float[ones.length], c), read);
        for (String name : read) {
            assertEquals(expected.get(name), actual.get(name), name);
        }
    }

    @Test
    void eachItemsChannelsAreScaledAndShiftedOnTheirOwnAndTheEditReachesTheOutput() {
        YoloGraph plain = model.graph(new GraphSpec(2, H, W, Set.of()));
        YoloGraph edited = model.graph(new GraphSpec(2, H, W, Set.of()).withEditedOutput(LAYER));
        long c = edited.layer(LAYER).orElseThrow().shape()[1];
        float[] scale = new float[(int) (2 * c)];
        Arrays.fill(scale, 1f);
        float[] shift = new float[scale.length];
        scale[3] = 0f;
        shift[3] = -7f;
        scale[(int) c + 5] = 2f;
        List<String> read = List.of(LAYER, plain.outputName());
        Map<String, INDArray> before = plain.outputs(images, read);
        Map<String, INDArray> after = edited.outputs(images, edit(scale, shift, c), read);
        INDArray original = before.get(LAYER);
        INDArray changed = after.get(LAYER);
        for (int item = 0; item < 2; item++) {
            for (int channel = 0; channel < c; channel++) {
                INDArray was = original.get(NDArrayIndex.point(item), NDArrayIndex.point(channel));
                INDArray is = changed.get(NDArrayIndex.point(item), NDArrayIndex.point(channel));
                INDArray expected = item == 0 && channel == 3 ? was.mul(0).add(-7f)
                        : item == 1 && channel == 5 ? was.mul(2f) : was;
                assertEquals(expected, is, "item " + item + " channel " + channel);
            }
        }
        assertNotEquals(before.get(plain.outputName()), after.get(plain.outputName()), "later layers see the edit");
    }

    @Test
    void onlyFeatureMapsThatExistCanBeEdited() {
        IllegalArgumentException detect = assertThrows(IllegalArgumentException.class,
                () -> GraphBuilder.build(model.description(), GraphSpec.forward(H, W).withEditedOutput("model.24")));
        assertTrue(detect.getMessage().contains("model.24"), detect.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> GraphBuilder.build(model.description(), GraphSpec.forward(H, W).withEditedOutput("model.99")));
        assertTrue(missing.getMessage().contains("model.99"), missing.getMessage());
    }
}
