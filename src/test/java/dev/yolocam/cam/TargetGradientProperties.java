package dev.yolocam.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.detect.Detection;
import dev.yolocam.head.Yolov5Predictions;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.ModelDescription;
import dev.yolocam.model.RandomModels;
import dev.yolocam.model.YoloModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every target kind's value and gradient agree: on the Detect output of a real (random-weight) YOLOv5n graph, the
 * gradient at each raw value equals the central finite difference of the value there. The step is a power of two,
 * so that {@code out +- h} is exact in float32, and the value is summed in double: the difference quotient is then
 * exact for these sums of products of at most two fields, and the tolerance is float32 rounding of the gradient.
 */
class TargetGradientProperties {
    private static final int CLASSES = 3;
    private static final float STEP = 1f / 64;
    private static final Yolov5Predictions OUTPUT = randomModelOutput();

    @Provide
    Arbitrary<List<TargetKind>> kinds() {
        return Arbitraries.of(TargetKind.values()).filter(k -> !k.needsAnchorFreeHead()).list().ofMinSize(1)
                .ofMaxSize(4);
    }

    @Property(tries = 60)
    void gradientOfEveryKindIsTheCentralDifferenceOfItsValue(@ForAll("kinds") List<TargetKind> kinds,
                                                              @ForAll @IntRange(min = 0, max = 5) int detections,
                                                              @ForAll boolean mirrored, @ForAll long seed) {
        Random random = new Random(seed);
        List<Detection> rows = new ArrayList<>();
        for (int i = 0; i < detections; i++) {
            rows.add(new Detection(0, 0, 1, 1, 0.5f, random.nextInt(CLASSES), random.nextInt(OUTPUT.rows())));
        }
        int[] classAll = random.ints(1 + random.nextInt(CLASSES), 0, CLASSES).distinct().toArray();
        Target target = new Target(kinds, rows, classAll, mirrored, null);
        float[] gradient = target.gradient(OUTPUT);
        assertEquals(OUTPUT.rawLength(), gradient.length);

        List<Integer> probed = new ArrayList<>();
        for (Detection d : rows) {
            for (int column = 0; column < OUTPUT.columns(); column++) {
                probed.add(d.row() * OUTPUT.columns() + column);
            }
        }
        for (int i = 0; i < 20; i++) {
            probed.add(random.nextInt(OUTPUT.rawLength()));
        }
        for (int index : probed) {
            double difference = centralDifference(target, index);
            double magnitude = Math.max(1, Math.abs(difference));
            assertEquals(difference, gradient[index], 1e-6 * magnitude,
                    "d/d(raw[" + index + "]) of " + kinds + (mirrored ? " (mirrored)" : ""));
        }
    }

    @Property(tries = 20)
    void theSumOfTwoTargetsHasTheSumOfTheirGradients(@ForAll("kinds") List<TargetKind> a,
                                                    @ForAll("kinds") List<TargetKind> b, @ForAll long seed) {
        Random random = new Random(seed);
        List<Detection> rows = List.of(new Detection(0, 0, 1, 1, 0.5f, random.nextInt(CLASSES),
                random.nextInt(OUTPUT.rows())));
        int[] classAll = {random.nextInt(CLASSES)};
        List<TargetKind> both = new ArrayList<>(a);
        both.addAll(b);
        float[] ga = new Target(a, rows, classAll).gradient(OUTPUT);
        float[] gb = new Target(b, rows, classAll).gradient(OUTPUT);
        float[] gBoth = new Target(both, rows, classAll).gradient(OUTPUT);
        for (int i = 0; i < gBoth.length; i++) {
            assertEquals(ga[i] + gb[i], gBoth[i], 1e-5 * Math.max(1, Math.abs(gBoth[i])), "raw[" + i + "]");
        }
        assertEquals(new Target(a, rows, classAll).value(OUTPUT) + new Target(b, rows, classAll).value(OUTPUT),
                new Target(both, rows, classAll).value(OUTPUT), 1e-9 * Math.max(1,
                        Math.abs(new Target(both, rows, classAll).value(OUTPUT))));
    }

    private static double centralDifference(Target target, int index) {
        float[] raw = OUTPUT.raw().clone();
        float original = raw[index];
        raw[index] = original + STEP;
        double up = target.value(new Yolov5Predictions(raw, OUTPUT.rows(), OUTPUT.columns()));
        raw[index] = original - STEP;
        double down = target.value(new Yolov5Predictions(raw, OUTPUT.rows(), OUTPUT.columns()));
        return (up - down) / (2.0 * STEP);
    }

    /** A YOLOv5n with random weights and 3 classes on a 64 x 64 random picture: realistic boxes and scores. */
    private static Yolov5Predictions randomModelOutput() {
        YoloModel model = new YoloModel(ModelDescription.of(RandomModels.build("yolov5n", CLASSES, 7L),
                Path.of("yolov5n-random")));
        float[] picture = new float[3 * 64 * 64];
        Random random = new Random(11);
        for (int i = 0; i < picture.length; i++) {
            picture[i] = random.nextInt(256) / 255f;
        }
        float[] raw = model.graph(GraphSpec.forward(64, 64)).predict(Nd4j.create(picture, new long[] {1, 3, 64, 64}))
                .dup('c').data().asFloat();
        int columns = 5 + CLASSES;
        Yolov5Predictions out = new Yolov5Predictions(raw, raw.length / columns, columns);
        assertTrue(out.rows() == 3 * (8 * 8 + 4 * 4 + 2 * 2), "rows of a 64 x 64 input: " + out.rows());
        return out;
    }
}
