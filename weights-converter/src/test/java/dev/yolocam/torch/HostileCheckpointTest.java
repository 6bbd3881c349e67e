package dev.yolocam.torch;

import static dev.yolocam.torch.CheckpointZipBuilder.float32;
import static dev.yolocam.torch.PickleBuilder.APPEND;
import static dev.yolocam.torch.PickleBuilder.BUILD;
import static dev.yolocam.torch.PickleBuilder.DUP;
import static dev.yolocam.torch.PickleBuilder.EMPTY_DICT;
import static dev.yolocam.torch.PickleBuilder.EMPTY_LIST;
import static dev.yolocam.torch.PickleBuilder.EMPTY_TUPLE;
import static dev.yolocam.torch.PickleBuilder.MARK;
import static dev.yolocam.torch.PickleBuilder.POP;
import static dev.yolocam.torch.PickleBuilder.REDUCE;
import static dev.yolocam.torch.PickleBuilder.SETITEM;
import static dev.yolocam.torch.PickleBuilder.STACK_GLOBAL;
import static dev.yolocam.torch.PickleBuilder.TUPLE;
import static dev.yolocam.torch.PickleBuilder.TUPLE1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.CheckpointException;
import dev.yolocam.errors.UnsafeCheckpointException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints built to attack the reader. Each must be refused with the right {@link YolocamException} subclass
 * and a one-line message, without running anything and without any other exception escaping.
 */
class HostileCheckpointTest {
    @TempDir
    Path dir;

    private Path checkpoint(byte[] pickle) {
        return checkpoint(CheckpointZipBuilder.archive().pickle(pickle));
    }

    private Path checkpoint(CheckpointZipBuilder zip) {
        return zip.writeTo(dir.resolve("hostile.pt"));
    }

    /** Reading fails with exactly this exception class, a one-line message that contains {@code fragment}. */
    private static <T extends YolocamException> T assertRefused(Class<T> type, Path file, String fragment) {
        YolocamException e = assertThrows(YolocamException.class, () -> CheckpointReader.read(file));
        assertEquals(type, e.getClass(), "exception class; message: " + e.getMessage());
        assertOneLine(e);
        assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
        return type.cast(e);
    }

    private static void assertOneLine(YolocamException e) {
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertTrue(e.getMessage().startsWith("yolocam: "), e.getMessage());
    }

    @Test
    void osSystemGlobalIsRefusedAndNothingRuns() {
        Path marker = dir.resolve("pwned");
        byte[] pickle = PickleBuilder.protocol(2).global("posix", "system").str("touch " + marker).op(TUPLE1)
                .op(REDUCE).stop();
        assertRefused(UnsafeCheckpointException.class, checkpoint(pickle),
                "refuses to load Python global 'posix.system' (not a YOLOv5 or YOLOv8/YOLO11 checkpoint class)");
        assertFalse(Files.exists(marker));
    }

    @Test
    void aRefusedGlobalStopsTheReaderBeforeTheNextOpcode() {
        byte[] pickle = PickleBuilder.protocol(2).global("os", "system").raw(0xff, 0xfe).unterminated();
        assertRefused(UnsafeCheckpointException.class, checkpoint(pickle), "'os.system'");
    }

    @Test
    void stackGlobalOfBuiltinsEvalIsRefused() {
        byte[] pickle = PickleBuilder.protocol(4).str("builtins").str("eval").op(STACK_GLOBAL)
                .str("__import__('os').system('true')").op(TUPLE1).op(REDUCE).stop();
        assertRefused(UnsafeCheckpointException.class, checkpoint(pickle), "'builtins.eval'");
    }

    @ParameterizedTest
    @CsvSource({"builtins,getattr", "__builtin__,eval", "builtins,exec", "builtins,__import__", "builtins,compile",
        "subprocess,Popen", "nt,system", "os,popen", "torch,load", "torch.serialization,load", "numpy,load",
        "models.common,os", "models.common.sub,Conv", "torch.nn.modules.conv,__class__", "utils.general,LOGGER",
        "copyreg,__newobj__", "torch._utils,_rebuild_device_tensor_from_numpy", "pickle,loads"})
    void globalsOutsideTheAllowListAreRefused(String module, String name) {
        byte[] pickle = PickleBuilder.protocol(2).global(module, name).op(EMPTY_TUPLE).op(REDUCE).stop();
        assertRefused(UnsafeCheckpointException.class, checkpoint(pickle), "'" + module + "." + name + "'");
    }

    /**
     * The Ultralytics family admits the CamelCase classes of exactly its four module files: their functions, a
     * dotted attribute of an admitted class, the package that re-exports the classes, submodules and the rest of
     * {@code ultralytics} stay refused.
     */
    @ParameterizedTest
    @CsvSource({"ultralytics.nn.tasks,torch_safe_load", "ultralytics.nn.tasks,yaml_model_load",
        "ultralytics.nn.tasks,attempt_load_one_weight", "ultralytics.nn.modules.conv,autopad",
        "ultralytics.nn.modules.head,__class__", "ultralytics.nn.tasks,DetectionModel.__init__",
        "ultralytics.utils,IterableSimpleNamespace", "ultralytics.utils.torch_utils,strip_optimizer",
        "ultralytics.nn.modules.block.sub,Foo", "ultralytics.nn.modules,Conv", "ultralytics,YOLO",
        "ultralytics.nn.modules.transformer,TransformerLayer"})
    void ultralyticsFunctionsAndNonModuleClassesAreRefusedWithTheGlobalNamed(String module, String name) {
        byte[] pickle = PickleBuilder.protocol(2).global(module, name).op(EMPTY_TUPLE).op(REDUCE).stop();
        YolocamException e = assertRefused(UnsafeCheckpointException.class, checkpoint(pickle),
                "'" + module + "." + name + "'");
        assertTrue(e.getMessage().endsWith(": refuses to load Python global '" + module + "." + name
                + "' (not a YOLOv5 or YOLOv8/YOLO11 checkpoint class)"), e.getMessage());
    }

    @Test
    void anUltralyticsFunctionNamedByStackGlobalIsRefused() {
        byte[] pickle = PickleBuilder.protocol(4).str("ultralytics.nn.tasks").str("torch_safe_load")
                .op(STACK_GLOBAL).str("best.pt").op(TUPLE1).op(REDUCE).stop();
        assertRefused(UnsafeCheckpointException.class, checkpoint(pickle), "'ultralytics.nn.tasks.torch_safe_load'");
    }

    @Test
    void aMarkDepthBombIsRefused() {
        PickleBuilder bomb = PickleBuilder.protocol(2);
        for (int i = 0; i < 1_000_000; i++) {
            bomb.op(MARK);
        }
        assertRefused(UnsafeCheckpointException.class, checkpoint(bomb.stop()), "nested MARKs");
    }

    @Test
    void aHugeTensorOverATinyStorageIsRefused() {
        byte[] pickle = PickleBuilder.protocol(2).op(EMPTY_DICT).str("w")
                .tensor("FloatStorage", "0", 16, 0, new long[] {200_000, 200_000}, new long[] {200_000, 1})
                .op(SETITEM).stop();
        assertRefused(UnsafeCheckpointException.class, checkpoint(CheckpointZipBuilder.archive().pickle(pickle)
                .storage("0", new byte[64])), "tensor of shape [200000, 200000]");
    }

    @Test
    void aBroadcastTensorTooLargeToMaterialiseIsRefused() {
        byte[] pickle = PickleBuilder.protocol(2).op(EMPTY_DICT).str("w")
                .tensor("FloatStorage", "0", 16, 0, new long[] {200_000, 200_000}, new long[] {0, 0})
                .op(SETITEM).stop();
        assertRefused(UnsafeCheckpointException.class, checkpoint(CheckpointZipBuilder.archive().pickle(pickle)
                .storage("0", new byte[64])), "materialised");
    }

    @Test
    void aMissingStorageEntryIsNamed() {
        byte[] pickle = PickleBuilder.protocol(2).op(EMPTY_DICT).str("w")
                .tensor("FloatStorage", "7", 4, 0, new long[] {4}, new long[] {1}).op(SETITEM).stop();
        assertRefused(CheckpointException.class, checkpoint(pickle), "storage 'data/7' is missing");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 17, 1000})
    void aStorageOfTheWrongLengthIsNamed(int length) {
        byte[] pickle = PickleBuilder.protocol(2).op(EMPTY_DICT).str("w")
                .tensor("FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1}).op(SETITEM).stop();
        for (CheckpointZipBuilder zip : new CheckpointZipBuilder[] {
            CheckpointZipBuilder.archive(), CheckpointZipBuilder.archive().deflated()}) {
            Path file = checkpoint(zip.pickle(pickle).storage("0", new byte[length]));
            assertRefused(CheckpointException.class, file, "storage 'data/0' holds");
        }
    }

    @Test
    void aStorageClaimingMoreThanTheEntryLimitIsRefusedBeforeReading() {
        byte[] pickle = PickleBuilder.protocol(2).op(EMPTY_DICT).str("w")
                .tensor("DoubleStorage", "0", Long.MAX_VALUE / 4, 0, new long[] {4}, new long[] {1}).op(SETITEM)
                .stop();
        assertRefused(UnsafeCheckpointException.class, checkpoint(CheckpointZipBuilder.archive().pickle(pickle)
                .storage("0", new byte[32])), "storage 'data/0' claims");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "archive/../../evil", "/etc/passwd", "archive\\..\\evil", "C:/evil"})
    void zipSlipEntryNamesAreRefused(String name) {
        byte[] pickle = PickleBuilder.protocol(2).op(EMPTY_DICT).stop();
        assertRefused(UnsafeCheckpointException.class,
                checkpoint(CheckpointZipBuilder.archive().pickle(pickle).rawEntry(name, new byte[1])), "zip-slip");
    }

    @Test
    void randomBytesAsDataPklAreACheckpointException() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            YolocamException e = assertThrows(YolocamException.class,
                    () -> CheckpointReader.read(checkpoint(junk)));
            assertInstanceOf(CheckpointException.class, e);
            assertOneLine(e);
        }
    }

    @Test
    void aTruncatedRealCheckpointIsACheckpointException() throws IOException {
        byte[] real = Files.readAllBytes(Oracle.model("shapes-yolov5n.pt"));
        for (int length : new int[] {0, 1, 2, 3, 4, 30, 100, 1000, 77_000, real.length / 2, real.length - 100,
            real.length - 22, real.length - 1}) {
            Path file = Files.write(dir.resolve("truncated.pt"), Arrays.copyOf(real, length));
            YolocamException e = assertThrows(YolocamException.class, () -> CheckpointReader.read(file));
            assertInstanceOf(CheckpointException.class, e, "at " + length + ": " + e.getMessage());
            assertOneLine(e);
        }
    }

    @Test
    void aTextFileNamedPtIsNotACheckpoint() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.pt"), "these are not weights\n");
        assertRefused(CheckpointException.class, file, "not a PyTorch checkpoint (not a zip archive)");
    }

    @Test
    void theLegacyTorchFormatIsRefusedWithAReSaveHint() throws IOException {
        byte[] legacy = {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9,
            0x20, 0x6a, (byte) 0xa8, 0x50, 0x19, 0x2e};
        Path file = Files.write(dir.resolve("legacy.pt"), legacy);
        assertRefused(CheckpointException.class, file, "torch>=1.6");
    }

    @Test
    void aStringClaimingTwoGigabytesWithTenBytesLeftIsRefusedBeforeAllocating() {
        byte[] pickle = PickleBuilder.protocol(2).op('X').le32(0x7fff_fff0).raw(new byte[10]).unterminated();
        assertRefused(CheckpointException.class, checkpoint(pickle), "claims 2147483632 bytes but only 10 remain");
        byte[] pickle8 = PickleBuilder.protocol(4).op(0x8d).raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
                .raw(new byte[10]).unterminated();
        assertRefused(CheckpointException.class, checkpoint(pickle8), "BINUNICODE8 claims");
    }

    @Test
    void aReduceOfSomethingThatIsNotAGlobalIsACheckpointException() {
        byte[] pickle = PickleBuilder.protocol(2).str("builtins.eval").op(EMPTY_TUPLE).op(REDUCE).stop();
        assertRefused(CheckpointException.class, checkpoint(pickle), "REDUCE on a str");
    }

    @Test
    void aBuildOnAnIntIsACheckpointException() {
        byte[] pickle = PickleBuilder.protocol(2).integer(3).op(EMPTY_DICT).op(BUILD).stop();
        assertRefused(CheckpointException.class, checkpoint(pickle), "BUILD on a int");
    }

    @Test
    void callingATensorRebuildWithTheWrongShapesIsACheckpointException() {
        byte[] pickle = PickleBuilder.protocol(2).global("torch._utils", "_rebuild_tensor_v2")
                .op(MARK).str("not a storage").integer(0).intTuple(1).intTuple(1).bool(false).none().op(TUPLE)
                .op(REDUCE).stop();
        assertRefused(CheckpointException.class, checkpoint(pickle), "expects a storage, got str");
    }

    @Test
    void aListUsedAsADictKeyIsACheckpointException() {
        byte[] pickle = PickleBuilder.protocol(2).op(EMPTY_DICT).op(EMPTY_LIST).integer(1).op(SETITEM).stop();
        assertRefused(CheckpointException.class, checkpoint(pickle), "unhashable dict key");
    }

    /** A list nested a million deep through the memo, in 7 bytes per level: no stack overflow. */
    @Test
    void deeplyNestedMetadataIsRefusedWithoutStackOverflow() {
        PickleBuilder p = PickleBuilder.protocol(2).op(EMPTY_DICT).str("epoch").op(EMPTY_LIST).binput(0)
                .op(SETITEM);
        for (int i = 0; i < 1_000_000; i++) {
            p.binget(0).op(EMPTY_LIST).binput(0).op(APPEND).op(POP);
        }
        p.str("model").none().op(SETITEM);
        assertRefused(CheckpointException.class, checkpoint(p.stop()), "nests deeper than");
    }

    @Test
    void cyclicMetadataIsRefused() {
        byte[] pickle = PickleBuilder.protocol(2).op(EMPTY_DICT).str("model").none().op(SETITEM).str("opt")
                .op(EMPTY_LIST).op(DUP).op(APPEND).op(SETITEM).stop();
        assertRefused(CheckpointException.class, checkpoint(pickle), "contains itself");
    }

    /** 64 levels of modules, each holding the next one twice: 2^64 paths if walked naively. */
    @Test
    void anExponentialModuleDagIsRefusedByTheModuleLimit() {
        PickleBuilder p = PickleBuilder.protocol(2).beginObject("torch.nn.modules.linear", "Identity").endObject()
                .binput(0);
        for (int level = 0; level < 64; level++) {
            p.op(POP).beginObject("torch.nn.modules.container", "Sequential").str("_modules")
                    .beginOrderedDict().str("a").binget(0).str("b").binget(0).endDict().endObject().binput(0);
        }
        p.op(POP).beginDict().str("model").beginObject("models.yolo", "DetectionModel").str("_modules")
                .beginOrderedDict().str("model").binget(0).endDict().endObject().endDict();
        assertRefused(UnsafeCheckpointException.class, checkpoint(p.stop()), "module nodes");
    }

    @Test
    void aModuleContainingItselfIsRefused() {
        PickleBuilder p = PickleBuilder.protocol(2).beginDict().str("model")
                .beginObject("models.yolo", "DetectionModel").op(PickleBuilder.SETITEMS).op(BUILD).binput(0)
                .op(EMPTY_DICT).str("_modules").beginOrderedDict().str("self").binget(0).endDict().op(SETITEM)
                .op(BUILD).endDict();
        assertRefused(CheckpointException.class, checkpoint(p.stop()), "contains itself");
    }

    @Test
    void limitsAreEnforced() {
        ReaderLimits d = ReaderLimits.DEFAULT;
        byte[] pickle = PickleBuilder.protocol(2).op(EMPTY_DICT).str("model").str("x".repeat(100)).op(SETITEM)
                .stop();
        Path file = checkpoint(pickle);
        assertUnsafe(file, new ReaderLimits(d.maxZipEntries(), d.maxTotalBytes(), d.maxEntryBytes(), 50,
                d.maxMemoEntries(), d.maxMarkDepth(), d.maxStringBytes(), d.maxPickleValues(), d.maxModules()),
                "data.pkl");
        assertUnsafe(file, new ReaderLimits(1, d.maxTotalBytes(), d.maxEntryBytes(), d.maxPickleBytes(),
                d.maxMemoEntries(), d.maxMarkDepth(), d.maxStringBytes(), d.maxPickleValues(), d.maxModules()),
                "entries");
        assertUnsafe(file, new ReaderLimits(d.maxZipEntries(), d.maxTotalBytes(), d.maxEntryBytes(),
                d.maxPickleBytes(), d.maxMemoEntries(), d.maxMarkDepth(), 99, d.maxPickleValues(), d.maxModules()),
                "limit of 99 bytes");
        assertUnsafe(file, new ReaderLimits(d.maxZipEntries(), d.maxTotalBytes(), d.maxEntryBytes(),
                d.maxPickleBytes(), d.maxMemoEntries(), d.maxMarkDepth(), d.maxStringBytes(), 3, d.maxModules()),
                "values");
        assertUnsafe(file, new ReaderLimits(d.maxZipEntries(), 100, d.maxEntryBytes(), d.maxPickleBytes(),
                d.maxMemoEntries(), d.maxMarkDepth(), d.maxStringBytes(), d.maxPickleValues(), d.maxModules()),
                "unpacks to more than 100 bytes");
        byte[] memo = PickleBuilder.protocol(2).none().binput(0).binput(1).binput(2).stop();
        assertUnsafe(checkpoint(memo), new ReaderLimits(d.maxZipEntries(), d.maxTotalBytes(), d.maxEntryBytes(),
                d.maxPickleBytes(), 2, d.maxMarkDepth(), d.maxStringBytes(), d.maxPickleValues(), d.maxModules()),
                "memo entries");
    }

    private static void assertUnsafe(Path file, ReaderLimits limits, String fragment) {
        UnsafeCheckpointException e = assertThrows(UnsafeCheckpointException.class,
                () -> CheckpointReader.read(file, limits));
        assertOneLine(e);
        assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
    }

    @Test
    void aTorchScriptArchiveAndAnUnrelatedZipAreNamedAsSuch() {
        Path torchScript = checkpoint(CheckpointZipBuilder.archive().withoutEntry("data.pkl")
                .rawEntry("archive/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}));
        assertRefused(CheckpointException.class, torchScript, "TorchScript");
        Path zip = checkpoint(CheckpointZipBuilder.archive().withoutEntry("version")
                .rawEntry("photo.jpg", "jpeg".getBytes(StandardCharsets.US_ASCII)));
        assertRefused(CheckpointException.class, zip, "no <folder>/data.pkl");
    }

    @Test
    void aCheckpointWithTwoDataPklIsRefused() {
        Path file = checkpoint(CheckpointZipBuilder.archive().pickle(PickleBuilder.protocol(2).none().stop())
                .rawEntry("other/data.pkl", PickleBuilder.protocol(2).none().stop()));
        assertRefused(CheckpointException.class, file, "more than one data.pkl");
    }

    @Test
    void anUnknownByteOrderIsRefused() {
        Path file = checkpoint(CheckpointZipBuilder.archive().pickle(PickleBuilder.protocol(2).none().stop())
                .byteorder("middle").storage("0", float32(ByteOrder.LITTLE_ENDIAN, 1)));
        assertRefused(CheckpointException.class, file, "unknown byteorder 'middle'");
    }

    @Test
    void aMissingFileAndADirectoryAreCheckpointExceptions() {
        assertRefused(CheckpointException.class, dir.resolve("absent.pt"), "no such checkpoint file");
        assertRefused(CheckpointException.class, dir, "is a directory");
    }
}
