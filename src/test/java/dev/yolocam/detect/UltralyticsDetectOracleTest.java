package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yolocam.head.UltralyticsDetectHead;
import dev.yolocam.head.UltralyticsPredictions;
import dev.yolocam.head.UpstreamPostprocessing;
import dev.yolocam.io.NpyFile;
import dev.yolocam.testing.OracleV8;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ultralytics 8.3.166's predictor against the YOLOv8/YOLO11 oracle, every case: {@code LetterBox(auto=True)} gives
 * input.npy bit for bit; {@code non_max_suppression} (iou 0.7, the family's default) on raw.npy read channels first
 * keeps the same rows with bitwise equal boxes and confidences at conf 0.25 and 0.001; {@code scale_boxes} with its
 * integer padding gives dets_*_orig.npy bit for bit. The float32 operations are reproduced one by one, so the
 * comparisons are exact: any difference is a regression.
 */
class UltralyticsDetectOracleTest {
    private static final int IMGSZ = 320;
    private static final UpstreamPostprocessing ULTRALYTICS = UpstreamPostprocessing.ULTRALYTICS;

    static List<String> cases() {
        return OracleCases.ULTRALYTICS_NAMES;
    }

    @Test
    void everyUltralyticsOracleCaseFolderIsCoveredByTheseTests() {
        try (Stream<Path> dirs = Files.list(OracleV8.root().resolve("cases"))) {
            assertEquals(OracleCases.ULTRALYTICS_NAMES,
                    dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void letterboxedInputIsBitIdenticalToInputNpy(String caseName) {
        OracleCases c = OracleCases.loadUltralytics(caseName);
        JsonNode pre = c.preprocess();
        int stride = pre.path("letterbox").path("stride").asInt();
        int size = Letterbox.checkImgSize(IMGSZ, stride);
        assertEquals(pre.path("imgsz_after_check_imgsz").get(0).asInt(), size);
        LetterboxResult result = Letterbox.apply(ImageLoader.load(c.image()), size, size, stride);
        assertArrayEquals(ints(pre.path("letterbox").path("top_bottom_left_right")),
                new int[] {result.padTop(), result.padBottom(), result.padLeft(), result.padRight()});
        NpyFile.FloatArray expected = c.npy("input.npy");
        assertArrayEquals(expected.shape(), result.shape());
        int mismatches = 0;
        for (int i = 0; i < expected.data().length; i++) {
            if (Float.floatToRawIntBits(expected.data()[i]) != Float.floatToRawIntBits(result.input()[i])) {
                mismatches++;
            }
        }
        assertEquals(0, mismatches, caseName + ": values differing from input.npy");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nmsAtConf025KeepsUpstreamRowsAndBoxes(String caseName) {
        OracleCases c = OracleCases.loadUltralytics(caseName);
        List<Detection> kept = nms(c, defaults());
        compare(caseName + " conf0.25 input", kept, c.npy("dets_conf0.25_input.npy"), c.dets().path("conf0.25"));
        compare(caseName + " conf0.25 orig", scaler(c).toOriginal(kept), c.npy("dets_conf0.25_orig.npy"),
                c.dets().path("conf0.25"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nmsAtConf0001Top20KeepsUpstreamRowsAndBoxes(String caseName) {
        OracleCases c = OracleCases.loadUltralytics(caseName);
        List<Detection> top20 = nms(c, defaults().withConfThreshold(0.001).withMaxDet(20));
        JsonNode expected = c.dets().path("conf0.001_top20");
        compare(caseName + " conf0.001 top20 input", top20, c.npy("dets_conf0.001_top20_input.npy"), expected);
        compare(caseName + " conf0.001 top20 orig", scaler(c).toOriginal(top20),
                c.npy("dets_conf0.001_top20_orig.npy"), expected);
    }

    private static NmsOptions defaults() {
        return NmsOptions.defaults().withIouThreshold(ULTRALYTICS.defaultIou());
    }

    private static List<Detection> nms(OracleCases c, NmsOptions options) {
        NpyFile.FloatArray raw = c.npy("raw.npy");
        int classes = raw.dim(1) - 4;
        UltralyticsDetectHead head = new UltralyticsDetectHead("model.22", 3, classes, 16, new float[] {8, 16, 32});
        UltralyticsPredictions table = (UltralyticsPredictions) head.predictions(raw.data(), 0, raw.dim(2));
        return Nms.apply(table, options);
    }

    private static BoxScaler scaler(OracleCases c) {
        JsonNode pre = c.preprocess();
        JsonNode inputShape = pre.path("input_shape");
        return new BoxScaler(inputShape.get(2).asInt(), inputShape.get(3).asInt(),
                pre.path("original_hw").get(0).asInt(), pre.path("original_hw").get(1).asInt(),
                ULTRALYTICS.integerPadding());
    }

    /** Same count, rows and classes in the same order; boxes and confidences bitwise equal. */
    private static void compare(String label, List<Detection> actual, NpyFile.FloatArray expected, JsonNode dets) {
        int n = expected.shape()[0];
        assertEquals(n, actual.size(), label + ": number of detections");
        assertEquals(n, dets.size(), label + ": dets.json and .npy disagree");
        for (int i = 0; i < n; i++) {
            Detection d = actual.get(i);
            float[] e = new float[6];
            System.arraycopy(expected.data(), i * 6, e, 0, 6);
            assertEquals(dets.get(i).path("row").asInt(), d.row(), label + " #" + i + ": raw row");
            assertEquals((int) e[5], d.classId(), label + " #" + i + ": class");
            assertArrayEquals(new float[] {e[0], e[1], e[2], e[3], e[4]},
                    new float[] {d.x1(), d.y1(), d.x2(), d.y2(), d.confidence()}, label + " #" + i + ": box, conf");
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
