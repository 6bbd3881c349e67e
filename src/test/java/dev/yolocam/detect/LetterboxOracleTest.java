package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yolocam.io.NpyFile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoding + letterbox against upstream's {@code cv2.imread} + {@code letterbox} output for every oracle case.
 * Measured: ImageIO decodes all five images, bus.jpg and zidane.jpg included, to exactly libjpeg-turbo's pixels,
 * provided bus.jpg's embedded Display P3 profile is ignored as OpenCV ignores it (ImageIO's default conversion to
 * sRGB changes 63% of its values by up to 61 levels and 144205 of the 245760 input values). The letterboxed input
 * is then bit-identical in every case, so every comparison here is exact.
 */
class LetterboxOracleTest {
    private static final int IMGSZ = 320;

    @Test
    void everyOracleCaseFolderIsCoveredByTheseTests() {
        assertEquals(OracleCases.NAMES, OracleCases.listed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"random_bus_320", "random_zidane_320", "shapes_a_320", "shapes_b_320", "shapes_nonsq_320"})
    void decodedPixelsEqualOpenCvImread(String caseName) {
        OracleCases c = OracleCases.load(caseName);
        RgbImage image = ImageLoader.load(c.image());
        JsonNode pre = c.preprocess();
        assertEquals(pre.path("original_hw").get(0).asInt(), image.height(), "H0");
        assertEquals(pre.path("original_hw").get(1).asInt(), image.width(), "W0");
        assertArrayEquals(longs(pre.path("decoded_bgr_channel_sums")), bgrChannelSums(image), "B, G, R sums");
        assertEquals(pre.path("decoded_bgr_sha256").asText(), sha256(bgrInterleaved(image)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random_bus_320", "random_zidane_320", "shapes_a_320", "shapes_b_320", "shapes_nonsq_320"})
    void letterboxGeometryEqualsUpstream(String caseName) {
        OracleCases c = OracleCases.load(caseName);
        JsonNode pre = c.preprocess();
        JsonNode lb = pre.path("letterbox");
        int stride = lb.path("stride").asInt();
        int size = Letterbox.checkImgSize(IMGSZ, stride);
        assertEquals(pre.path("imgsz_after_check_img_size").get(0).asInt(), size);

        LetterboxResult result = Letterbox.apply(ImageLoader.load(c.image()), size, size, stride);

        assertArrayEquals(ints(pre.path("input_shape")), result.shape());
        assertEquals(lb.path("r").asDouble(), result.ratio(), 0.0);
        assertArrayEquals(ints(lb.path("new_unpad_wh")), new int[] {result.unpadWidth(), result.unpadHeight()});
        assertArrayEquals(ints(lb.path("top_bottom_left_right")),
                new int[] {result.padTop(), result.padBottom(), result.padLeft(), result.padRight()});
    }

    @ParameterizedTest
    @ValueSource(strings = {"random_bus_320", "random_zidane_320", "shapes_a_320", "shapes_b_320", "shapes_nonsq_320"})
    void letterboxedInputIsBitIdenticalToInputNpy(String caseName) {
        OracleCases c = OracleCases.load(caseName);
        LetterboxResult result = Letterbox.apply(ImageLoader.load(c.image()), IMGSZ, IMGSZ, 32);
        NpyFile.FloatArray expected = c.npy("input.npy");

        assertArrayEquals(expected.shape(), result.shape());
        int mismatches = 0;
        for (int i = 0; i < expected.data().length; i++) {
            if (Float.floatToRawIntBits(expected.data()[i]) != Float.floatToRawIntBits(result.input()[i])) {
                mismatches++;
            }
        }
        System.out.printf("[parity] %s input.npy: %d of %d values differ%n", caseName, mismatches,
                expected.data().length);
        assertEquals(0, mismatches, "values differing from input.npy");
        assertEquals(c.preprocess().path("letterboxed_uint8_rgb_sha256_chw").asText(), sha256(chw(result.image())));
    }

    private static long[] bgrChannelSums(RgbImage image) {
        long[] sums = new long[3];
        byte[] p = image.pixels();
        for (int i = 0; i < p.length; i += 3) {
            sums[0] += p[i + 2] & 0xFF;
            sums[1] += p[i + 1] & 0xFF;
            sums[2] += p[i] & 0xFF;
        }
        return sums;
    }

    private static byte[] bgrInterleaved(RgbImage image) {
        byte[] p = image.pixels();
        byte[] bgr = new byte[p.length];
        for (int i = 0; i < p.length; i += 3) {
            bgr[i] = p[i + 2];
            bgr[i + 1] = p[i + 1];
            bgr[i + 2] = p[i];
        }
        return bgr;
    }

    private static byte[] chw(RgbImage image) {
        int plane = image.width() * image.height();
        byte[] out = new byte[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int ch = 0; ch < 3; ch++) {
                out[ch * plane + i] = image.pixels()[i * 3 + ch];
            }
        }
        return out;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }
}
