package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LinearResize} and {@link Letterbox} against OpenCV's {@code cv2.resize(INTER_LINEAR)} and YOLOv5's letterbox,
 * bit for bit, on the cases {@code testdata/resize/generate.py} computed with Debian's OpenCV: up- and downscaling by
 * factors 0.25-7.3 on odd sizes, one-pixel sides and images whose neighbouring rows are equal.
 */
class OpenCvResizeFixtureTest {
    private static final JsonNode FIXTURES = read();

    static Stream<JsonNode> resizeCases() {
        return stream(FIXTURES.path("resize"));
    }

    static Stream<JsonNode> letterboxCases() {
        return stream(FIXTURES.path("letterbox"));
    }

    @Test
    void theFixturesSweepUpscalingAndDownscaling() {
        long up = resizeCases().filter(c -> c.path("dst").get(1).asInt() > c.path("src").get(1).asInt()).count();
        long down = resizeCases().filter(c -> c.path("dst").get(1).asInt() < c.path("src").get(1).asInt()).count();
        assertTrue(up >= 50 && down >= 50, up + " upscaling and " + down + " downscaling cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resizeCases")
    void resizeEqualsOpenCvBitForBit(JsonNode c) {
        RgbImage source = pattern(c.path("src").get(0).asInt(), c.path("src").get(1).asInt(),
                c.path("flat").asBoolean());
        RgbImage resized = LinearResize.resize(source, c.path("dst").get(0).asInt(), c.path("dst").get(1).asInt());
        long sum = 0;
        for (byte b : resized.pixels()) {
            sum += b & 0xFF;
        }
        assertEquals(c.path("sum").asLong(), sum, "sum of the resized bytes");
        assertEquals(c.path("sha256").asText(), sha256(resized.pixels()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letterboxCases")
    void letterboxEqualsYolov5LetterboxBitForBit(JsonNode c) {
        RgbImage source = pattern(c.path("src").get(0).asInt(), c.path("src").get(1).asInt(), false);
        int size = c.path("imgsz").asInt();
        LetterboxResult result = Letterbox.apply(source, size, size, 32, c.path("auto").asBoolean());
        assertArrayEquals(new int[] {c.path("shape").get(0).asInt(), c.path("shape").get(1).asInt()},
                new int[] {result.image().height(), result.image().width()});
        assertEquals(c.path("sha256").asText(), sha256(result.image().pixels()));
    }

    /** generate.py's pattern(): byte i is (i * 2654435761 mod 2^32) >> 24; "flat" repeats each 4x4 block. */
    static RgbImage pattern(int width, int height, boolean flat) {
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sx = flat ? x / 4 : x;
                int sy = flat ? y / 4 : y;
                for (int c = 0; c < 3; c++) {
                    long i = ((long) sy * width + sx) * 3 + c;
                    pixels[(y * width + x) * 3 + c] = (byte) (((i * 2654435761L) & 0xFFFFFFFFL) >>> 24);
                }
            }
        }
        return new RgbImage(width, height, pixels);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Oracle.testdata().resolve("resize/cv2_resize.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("testdata/resize/cv2_resize.json: " + e.getMessage(), e);
        }
    }
}
