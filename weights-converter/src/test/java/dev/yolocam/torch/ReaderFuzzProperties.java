package dev.yolocam.torch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.CheckpointException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.testing.Oracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and random input never makes the reader throw anything but a {@link YolocamException} with a one-line
 * message, and every failure is one the reader recognised (not its last-resort "corrupt checkpoint (Xxx: ...)"
 * mapping of an unexpected runtime exception).
 */
class ReaderFuzzProperties {
    private static final String UNEXPECTED = ": corrupt checkpoint (";
    private static Map<String, byte[]> realEntries;

    /** Random sequences of opcodes with well-formed arguments (and a little junk) reach deep into the unpickler. */
    @Property(tries = 3000)
    void randomOpcodeSequencesOnlyFailWithCheckpointExceptions(@ForAll("opcodeSequences") byte[] pickle) {
        try {
            new RestrictedUnpickler(null, ReaderLimits.DEFAULT, ReaderFuzzProperties::anyStorage).load(pickle);
        } catch (CheckpointException e) {
            assertOneLine(e, "");
        }
    }

    /**
     * The oracle's real data.pkl with bytes flipped, removed or repeated, read with its real storages. A seeded
     * JUnit loop rather than a property, so that it is skipped like every oracle test when the oracle is absent.
     */
    @Test
    void aDamagedRealPickleOnlyFailsWithRecognisedErrors(@TempDir Path dir) {
        Map<String, byte[]> entries = realEntries();
        String pickleName = entries.keySet().stream().filter(n -> n.endsWith("/data.pkl")).findFirst().orElseThrow();
        Random random = new Random(20261126);
        for (int i = 0; i < 100; i++) {
            Damage damage = new Damage(random.nextInt(3), random.nextDouble(), 1 + random.nextInt(40),
                    1 + random.nextInt(255));
            CheckpointZipBuilder zip = CheckpointZipBuilder.inFolder("best").withoutEntry("version");
            entries.forEach((name, bytes) -> zip.rawEntry(name,
                    name.equals(pickleName) ? damage.apply(bytes) : bytes));
            Path file = zip.writeTo(dir.resolve("damaged.pt"));
            try {
                CheckpointReader.read(file);
            } catch (YolocamException e) {
                assertOneLine(e, damage.toString());
            }
        }
    }

    /** Every persistent id is a 16-float storage, so that tensor rebuilding gets exercised too. */
    private static Object anyStorage(Object persistentId) {
        return new TensorData.Storage("0", DType.FLOAT32, new byte[64]);
    }

    private static void assertOneLine(YolocamException e, String input) {
        assertFalse(e.getMessage().contains("\n"), input + ": " + e.getMessage());
        assertFalse(e.getMessage().contains(UNEXPECTED), input + ": unmapped failure: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("yolocam: "), input);
    }

    /** A damage to apply to bytes: flip, delete or repeat a span at a relative position. */
    record Damage(int kind, double where, int span, int xor) {
        byte[] apply(byte[] data) {
            int at = (int) (where * data.length);
            int end = Math.min(data.length, at + span);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (kind) {
                case 0 -> {
                    byte[] copy = data.clone();
                    for (int i = at; i < end; i++) {
                        copy[i] ^= (byte) xor;
                    }
                    return copy;
                }
                case 1 -> {
                    out.write(data, 0, at);
                    out.write(data, end, data.length - end);
                }
                default -> {
                    out.write(data, 0, end);
                    out.write(data, at, data.length - at);
                }
            }
            return out.toByteArray();
        }
    }

    @Provide
    Arbitrary<byte[]> opcodeSequences() {
        Arbitrary<byte[]> wellFormed = Arbitraries.of(WELL_FORMED_OPS).map(op -> op.getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> junk = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(6);
        return Arbitraries.frequencyOf(Tuple.of(30, wellFormed), Tuple.of(1, junk)).list().ofMaxSize(60)
                .map(parts -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(0x80);
                    out.write(4);
                    parts.forEach(out::writeBytes);
                    out.write('.');
                    return out.toByteArray();
                });
    }

    /**
     * Opcodes with well-formed arguments (one char per byte, ISO-8859-1), so that sequences get past argument
     * parsing into the semantics: containers, memo, calls of every allowed global.
     */
    private static final String[] WELL_FORMED_OPS = {
        "N", "\u0088", "\u0089", "K\u0005", "J\u00ff\u00ff\u00ff\u00ff", "M\u0001\u0002", "\u008a\u0001\u0080",
        "G\u003f\u00f0\u0000\u0000\u0000\u0000\u0000\u0000", "\u008c\u0002ab", "\u008c\u0007storage", "\u008c\u0001w",
        "X\u0001\u0000\u0000\u0000x", "C\u0002\u0000\u0001", "]", "}", ")", "\u008f", "(", "t", "\u0085", "\u0086", "\u0087",
        "l", "d", "a", "e", "s", "u", "\u0090", "\u0091", "0", "1", "2", "q\u0000", "q\u0001", "h\u0000", "h\u0001",
        "\u0094", "R", "\u0081", "\u0092", "b", "Q", "\u0093",
        "ccollections\nOrderedDict\n", "ctorch._utils\n_rebuild_tensor_v2\n", "ctorch._utils\n_rebuild_parameter\n",
        "ctorch._tensor\n_rebuild_from_type_v2\n", "c__builtin__\nset\n", "c__builtin__\nfrozenset\n",
        "c__builtin__\nbytes\n", "ctorch\nSize\n", "c_codecs\nencode\n", "cnumpy\ndtype\n",
        "cnumpy.core.multiarray\nscalar\n", "cnumpy.core.multiarray\n_reconstruct\n", "cnumpy\nndarray\n",
        "ccopy_reg\n_reconstructor\n", "c__builtin__\nobject\n", "cargparse\nNamespace\n",
        "ctorch\nfloat16\n", "ctorch\nHalfStorage\n", "cmodels.common\nConv\n", "cmodels.yolo\nDetectionModel\n",
        "ctorch.nn.modules.conv\nConv2d\n", "I01\n", "I-3\n", "L12L\n", "F1.5\n", "S'a\\x41'\n", "Vb\\u0041\n",
        "p0\n", "g0\n", "Pid\n"};

    private static synchronized Map<String, byte[]> realEntries() {
        if (realEntries == null) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipFile zip = new ZipFile(Oracle.model("shapes-yolov5n.pt").toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            realEntries = entries;
        }
        return realEntries;
    }
}
