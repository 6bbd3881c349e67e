package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yolocam.io.NpyFile;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Nms} on the oracle's {@code raw.npy} against upstream {@code non_max_suppression}, and {@link BoxScaler}
 * against upstream {@code scale_boxes}, for every case. The acceptance tolerances would be 1e-3 px and 1e-6, but the
 * float32 operations are reproduced one by one and the measured errors are exactly 0 in every case, so any
 * difference is a regression and the comparison is bitwise.
 */
class NmsOracleTest {
    @ParameterizedTest
    @ValueSource(strings = {"random_bus_320", "random_zidane_320", "shapes_a_320", "shapes_b_320", "shapes_nonsq_320"})
    void nmsAtConf025KeepsUpstreamRowsAndBoxes(String caseName) {
        OracleCases c = OracleCases.load(caseName);
        List<Detection> kept = nms(c, NmsOptions.defaults());
        compare(caseName + " conf0.25 input", kept, c.npy("dets_conf0.25_input.npy"), c.dets().path("conf0.25"));
        compare(caseName + " conf0.25 orig", scaler(c).toOriginal(kept), c.npy("dets_conf0.25_orig.npy"),
                c.dets().path("conf0.25"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random_bus_320", "random_zidane_320", "shapes_a_320", "shapes_b_320", "shapes_nonsq_320"})
    void nmsAtConf0001Top20KeepsUpstreamRowsAndBoxes(String caseName) {
        OracleCases c = OracleCases.load(caseName);
        List<Detection> all = nms(c, NmsOptions.defaults().withConfThreshold(0.001));
        List<Detection> top20 = nms(c, NmsOptions.defaults().withConfThreshold(0.001).withMaxDet(20));
        assertEquals(all.subList(0, Math.min(20, all.size())), top20, "max_det 20 = first 20 of max_det 300");
        JsonNode expected = c.dets().path("conf0.001_top20");
        compare(caseName + " conf0.001 top20 input", top20, c.npy("dets_conf0.001_top20_input.npy"), expected);
        compare(caseName + " conf0.001 top20 orig", scaler(c).toOriginal(top20),
                c.npy("dets_conf0.001_top20_orig.npy"), expected);
    }

    private static List<Detection> nms(OracleCases c, NmsOptions options) {
        NpyFile.FloatArray raw = c.npy("raw.npy");
        return Nms.apply(raw.data(), raw.dim(1), raw.dim(2), options);
    }

    private static BoxScaler scaler(OracleCases c) {
        JsonNode pre = c.preprocess();
        JsonNode inputShape = pre.path("input_shape");
        return new BoxScaler(inputShape.get(2).asInt(), inputShape.get(3).asInt(),
                pre.path("original_hw").get(0).asInt(), pre.path("original_hw").get(1).asInt());
    }

    /** Same count, rows and classes in the same order; boxes and confidences bitwise equal (errors printed). */
    private static void compare(String label, List<Detection> actual, NpyFile.FloatArray expected, JsonNode dets) {
        int n = expected.shape()[0];
        assertEquals(n, actual.size(), label + ": number of detections");
        assertEquals(n, dets.size(), label + ": dets.json and .npy disagree");
        double boxError = 0;
        double confError = 0;
        for (int i = 0; i < n; i++) {
            Detection d = actual.get(i);
            float[] e = new float[6];
            System.arraycopy(expected.data(), i * 6, e, 0, 6);
            assertEquals(dets.get(i).path("row").asInt(), d.row(), label + " #" + i + ": raw row");
            assertEquals((int) e[5], d.classId(), label + " #" + i + ": class");
            float[] box = {d.x1(), d.y1(), d.x2(), d.y2()};
            for (int k = 0; k < 4; k++) {
                boxError = Math.max(boxError, Math.abs(box[k] - e[k]));
            }
            confError = Math.max(confError, Math.abs(d.confidence() - e[4]));
        }
        System.out.printf("[parity] %s: %d detections, max box error %.3g px, max conf error %.3g%n",
                label, n, boxError, confError);
        assertEquals(0.0, boxError, label + ": box error");
        assertEquals(0.0, confError, label + ": confidence error");
    }
}
