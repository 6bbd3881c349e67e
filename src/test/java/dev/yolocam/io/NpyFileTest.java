package dev.yolocam.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import dev.yolocam.testing.Oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NpyFile} reads NumPy's own files and writes files NumPy reads (format 1.0, 64-byte aligned header). */
class NpyFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenArraysReadBackUnchanged() {
        float[] data = {1.5f, -0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE, -3.25f};
        for (int[] shape : new int[][] {{6}, {2, 3}, {1, 3, 1, 2}}) {
            Path file = dir.resolve("a" + shape.length + ".npy");
            NpyFile.write(file, shape, data);
            NpyFile.FloatArray read = NpyFile.read(file);
            assertArrayEquals(shape, read.shape());
            for (int i = 0; i < data.length; i++) {
                assertEquals(Float.floatToRawIntBits(data[i]), Float.floatToRawIntBits(read.data()[i]));
            }
        }
    }

    @Test
    void headerFollowsTheNpyFormatSpecification() throws IOException {
        Path file = dir.resolve("h.npy");
        NpyFile.write(file, new int[] {2, 3}, new float[6]);
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertEquals(0, (10 + headerLength) % 64, "data starts 64-byte aligned");
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + headerLength + 24, bytes.length);
    }

    @Test
    void oneDimensionalAndScalarShapesUsePythonTupleSyntax() throws IOException {
        NpyFile.write(dir.resolve("v.npy"), new int[] {4}, new float[4]);
        NpyFile.write(dir.resolve("s.npy"), new int[] {}, new float[1]);
        assertTrue(Files.readString(dir.resolve("v.npy"), StandardCharsets.ISO_8859_1).contains("'shape': (4,)"));
        assertTrue(Files.readString(dir.resolve("s.npy"), StandardCharsets.ISO_8859_1).contains("'shape': ()"));
        assertArrayEquals(new int[] {}, NpyFile.read(dir.resolve("s.npy")).shape());
    }

    @Test
    void readsTheOraclesNumpyFiles() {
        NpyFile.FloatArray input = NpyFile.read(Oracle.caseDir("random_bus_320").resolve("input.npy"));
        assertArrayEquals(new int[] {1, 3, 320, 256}, input.shape());
        assertEquals(114 / 255f, input.data()[0]);
        NpyFile.FloatArray raw = NpyFile.read(Oracle.caseDir("random_bus_320").resolve("raw.npy"));
        assertArrayEquals(new int[] {1, 5040, 85}, raw.shape());
        assertEquals(85, raw.dim(-1));
    }

    @Test
    void otherDtypesAndBrokenFilesAreReported() throws IOException {
        Path file = dir.resolve("f8.npy");
        NpyFile.write(file, new int[] {2}, new float[2]);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("'<f4'", "'<f8'");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        assertReported(file, "dtype <f8");

        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
        assertReported(file, "does not match shape");

        Files.writeString(file, "not numpy");
        assertReported(file, "bad magic");

        assertReported(dir.resolve("missing.npy"), "cannot read .npy file");
    }

    @Test
    void mismatchedShapeAndDataAreRejectedWhenWriting() {
        assertThrows(IllegalArgumentException.class, () -> NpyFile.write(dir.resolve("x.npy"), new int[] {2, 2},
                new float[3]));
    }

    private static void assertReported(Path file, String reason) {
        YolocamException e = assertThrows(YolocamException.class, () -> NpyFile.read(file));
        assertEquals(file, e.file());
        assertTrue(e.problem().contains(reason), e.problem());
    }
}
