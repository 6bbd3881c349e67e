package dev.yolocam.detect;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A synthetic Detect output for property tests: {@code rows x (5 + classes)} floats. Centres are integers and
 * sizes even integers, so corners are exact in float32 and a box can be turned back into a row without rounding.
 */
record RawPredictions(float[] data, int rows, int classes) {

    int columns() {
        return 5 + classes;
    }

    float value(int row, int column) {
        return data[row * columns() + column];
    }

    List<Detection> nms(NmsOptions options) {
        return Nms.apply(data, rows, columns(), options);
    }

    /** Boxes crowded into a 320-pixel square so that many overlap; probabilities anywhere in [0, 1]. */
    static Arbitrary<RawPredictions> arbitrary() {
        return Arbitraries.integers().between(1, 4).flatMap(classes ->
                row(classes).list().ofMinSize(1).ofMaxSize(150).map(rows -> of(rows, classes)));
    }

    /** Each detection as a row {@code cx, cy, w, h, obj = confidence, one-hot class}. */
    static RawPredictions fromDetections(List<Detection> detections, int classes) {
        int columns = 5 + classes;
        float[] data = new float[detections.size() * columns];
        for (int i = 0; i < detections.size(); i++) {
            Detection d = detections.get(i);
            int o = i * columns;
            data[o] = (d.x1() + d.x2()) / 2;
            data[o + 1] = (d.y1() + d.y2()) / 2;
            data[o + 2] = d.x2() - d.x1();
            data[o + 3] = d.y2() - d.y1();
            data[o + 4] = d.confidence();
            data[o + 5 + d.classId()] = 1f;
        }
        return new RawPredictions(data, detections.size(), classes);
    }

    private static Arbitrary<float[]> row(int classes) {
        Arbitrary<Integer> centre = Arbitraries.integers().between(0, 320);
        Arbitrary<Integer> half = Arbitraries.integers().between(1, 80);
        Arbitrary<Float> probability = Arbitraries.floats().between(0f, 1f).ofScale(4);
        Arbitrary<float[]> classProbabilities = probability.array(float[].class).ofSize(classes);
        return Combinators.combine(centre, centre, half, half, probability, classProbabilities)
                .as((cx, cy, halfW, halfH, obj, cls) -> {
                    float[] row = new float[5 + classes];
                    row[0] = cx;
                    row[1] = cy;
                    row[2] = 2 * halfW;
                    row[3] = 2 * halfH;
                    row[4] = obj;
                    System.arraycopy(cls, 0, row, 5, classes);
                    return row;
                });
    }

    private static RawPredictions of(List<float[]> rows, int classes) {
        int columns = 5 + classes;
        float[] data = new float[rows.size() * columns];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * columns, columns);
        }
        return new RawPredictions(data, rows.size(), classes);
    }
}
