package dev.yolocam.torch;

import static dev.yolocam.torch.CheckpointZipBuilder.bits16;
import static dev.yolocam.torch.CheckpointZipBuilder.float32;
import static dev.yolocam.torch.CheckpointZipBuilder.float64;
import static dev.yolocam.torch.CheckpointZipBuilder.int64;
import static dev.yolocam.torch.PickleBuilder.EMPTY_DICT;
import static dev.yolocam.torch.PickleBuilder.EMPTY_TUPLE;
import static dev.yolocam.torch.PickleBuilder.MARK;
import static dev.yolocam.torch.PickleBuilder.REDUCE;
import static dev.yolocam.torch.PickleBuilder.SETITEM;
import static dev.yolocam.torch.PickleBuilder.SETITEMS;
import static dev.yolocam.torch.PickleBuilder.TUPLE;
import static dev.yolocam.torch.PickleBuilder.TUPLE1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-built state_dict checkpoints: strided, offset and broadcast views over one shared storage, every storage
 * dtype, big-endian files, and the other ways torch pickles a tensor (Parameter, tensor subclasses, dtype
 * persistent ids).
 */
class CheckpointTensorTest {
    @TempDir
    Path dir;

    private static final float[] TWELVE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    private Checkpoint readStateDict(PickleBuilder pickle, CheckpointZipBuilder zip) {
        return CheckpointReader.read(zip.pickle(pickle.stop()).writeTo(dir.resolve("sd.pt")));
    }

    private static PickleBuilder view(PickleBuilder p, String name, long offset, long[] size, long[] stride) {
        return p.str(name).tensor("FloatStorage", "0", 12, offset, size, stride);
    }

    @Test
    void viewsOfOneStorageShareItAndReadTheirOwnElements() {
        PickleBuilder p = PickleBuilder.protocol(2).global("collections", "OrderedDict").op(EMPTY_TUPLE).op(REDUCE)
                .op(MARK);
        view(p, "whole", 0, new long[] {3, 4}, new long[] {4, 1});
        view(p, "transposed", 0, new long[] {4, 3}, new long[] {1, 4});
        view(p, "row1", 4, new long[] {4}, new long[] {1});
        view(p, "column1", 1, new long[] {3}, new long[] {4});
        view(p, "scalar", 5, new long[] {}, new long[] {});
        view(p, "broadcast", 8, new long[] {2, 3}, new long[] {0, 1});
        view(p, "empty", 0, new long[] {0, 5}, new long[] {5, 1});
        p.op(SETITEMS);
        Checkpoint checkpoint = readStateDict(p,
                CheckpointZipBuilder.archive().storage("0", float32(ByteOrder.LITTLE_ENDIAN, TWELVE)));

        Map<String, TensorData> tensors = checkpoint.stateDict();
        assertTrue(checkpoint.isStateDictOnly());
        assertEquals(7, tensors.size());
        TensorData.Storage storage = tensors.get("whole").storage();
        tensors.values().forEach(t -> assertSame(storage, t.storage(), "every view shares storage data/0"));
        assertArrayEquals(TWELVE, tensors.get("whole").toFloats());
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, tensors.get("transposed").toFloats());
        assertArrayEquals(new float[] {4, 5, 6, 7}, tensors.get("row1").toFloats());
        assertArrayEquals(new float[] {1, 5, 9}, tensors.get("column1").toFloats());
        assertArrayEquals(new float[] {5}, tensors.get("scalar").toFloats());
        assertEquals(0, tensors.get("scalar").rank());
        assertArrayEquals(new float[] {8, 9, 10, 8, 9, 10}, tensors.get("broadcast").toFloats());
        assertEquals(0, tensors.get("empty").numel());
        assertArrayEquals(float32(ByteOrder.LITTLE_ENDIAN, 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11),
                tensors.get("transposed").contiguousBytes());
    }

    /** One storage per dtype, with its values written in the given byte order; tensors named after the dtype. */
    private Checkpoint everyDtype(ByteOrder order, String byteorderEntry) {
        CheckpointZipBuilder zip = CheckpointZipBuilder.archive()
                .storage("f16", bits16(order, 0x3c00, 0xc000, 0x7c00, 0x0001))
                .storage("bf16", bits16(order, 0x3f80, 0xc040, 0xff80, 0x0000))
                .storage("f32", float32(order, 1.5f, -2.25f, Float.NaN, 3e38f))
                .storage("f64", float64(order, 0.1, -1e300, Double.NEGATIVE_INFINITY, 42))
                .storage("i64", int64(order, Long.MIN_VALUE, -1, 5, Long.MAX_VALUE))
                .storage("i32", java.nio.ByteBuffer.allocate(16).order(order).putInt(-7).putInt(0).putInt(1 << 30)
                        .putInt(Integer.MIN_VALUE).array())
                .storage("i16", bits16(order, 0x7fff, 0x8000, 0xffff, 0x0102))
                .storage("u8", new byte[] {0, 1, (byte) 200, (byte) 255})
                .storage("i8", new byte[] {0, 1, (byte) 200, (byte) 255})
                .storage("b", new byte[] {0, 1, 1, 0});
        if (byteorderEntry != null) {
            zip.byteorder(byteorderEntry);
        }
        PickleBuilder p = PickleBuilder.protocol(2).op(EMPTY_DICT).op(MARK);
        String[][] storages = {{"f16", "HalfStorage"}, {"bf16", "BFloat16Storage"}, {"f32", "FloatStorage"},
            {"f64", "DoubleStorage"}, {"i64", "LongStorage"}, {"i32", "IntStorage"}, {"i16", "ShortStorage"},
            {"u8", "ByteStorage"}, {"i8", "CharStorage"}, {"b", "BoolStorage"}};
        for (String[] s : storages) {
            p.str(s[0]).tensor(s[1], s[0], 4, 0, new long[] {4}, new long[] {1});
        }
        p.op(SETITEMS);
        return readStateDict(p, zip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big", "none"})
    void everyStorageDtypeDecodesInEitherByteOrder(String byteorder) {
        ByteOrder order = byteorder.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Map<String, TensorData> t = everyDtype(order, byteorder.equals("none") ? null : byteorder).stateDict();
        assertEquals(DType.FLOAT16, t.get("f16").dtype());
        assertArrayEquals(new double[] {1, -2, Double.POSITIVE_INFINITY, 0x1p-24}, t.get("f16").toDoubles());
        assertEquals(DType.BFLOAT16, t.get("bf16").dtype());
        assertArrayEquals(new double[] {1, -3, Double.NEGATIVE_INFINITY, 0}, t.get("bf16").toDoubles());
        assertArrayEquals(new double[] {1.5, -2.25, Double.NaN, 3e38f}, t.get("f32").toDoubles());
        assertArrayEquals(new double[] {0.1, -1e300, Double.NEGATIVE_INFINITY, 42}, t.get("f64").toDoubles());
        assertArrayEquals(new double[] {Long.MIN_VALUE, -1, 5, Long.MAX_VALUE}, t.get("i64").toDoubles());
        assertArrayEquals(new double[] {-7, 0, 1 << 30, Integer.MIN_VALUE}, t.get("i32").toDoubles());
        assertArrayEquals(new double[] {32767, -32768, -1, 0x0102}, t.get("i16").toDoubles());
        assertArrayEquals(new double[] {0, 1, 200, 255}, t.get("u8").toDoubles());
        assertArrayEquals(new double[] {0, 1, -56, -1}, t.get("i8").toDoubles());
        assertArrayEquals(new double[] {0, 1, 1, 0}, t.get("b").toDoubles());
        assertArrayEquals(int64(ByteOrder.LITTLE_ENDIAN, Long.MIN_VALUE, -1, 5, Long.MAX_VALUE),
                t.get("i64").contiguousBytes(), "contiguous bytes are little-endian whatever the file's order");
    }

    @Test
    void parametersSubclassesDtypeIdsAndTorchSizeGiveTheSameTensor() {
        PickleBuilder p = PickleBuilder.protocol(2).op(EMPTY_DICT);
        // torch._utils._rebuild_parameter(tensor, True, OrderedDict())
        p.str("parameter").global("torch._utils", "_rebuild_parameter")
                .tensor("FloatStorage", "0", 12, 0, new long[] {12}, new long[] {1}).bool(true)
                .global("collections", "OrderedDict").op(EMPTY_TUPLE).op(REDUCE).op(PickleBuilder.TUPLE3).op(REDUCE)
                .op(SETITEM);
        // torch._tensor._rebuild_from_type_v2(_rebuild_tensor_v2, torch.Tensor, (args...), {})
        p.str("subclass").global("torch._tensor", "_rebuild_from_type_v2").op(MARK)
                .global("torch._utils", "_rebuild_tensor_v2").global("torch", "Tensor").op(MARK)
                .storage("FloatStorage", "0", 12).integer(2).intTuple(3).intTuple(1).bool(false)
                .global("collections", "OrderedDict").op(EMPTY_TUPLE).op(REDUCE).op(TUPLE)
                .op(EMPTY_DICT).op(TUPLE).op(REDUCE).op(SETITEM);
        // a persistent id naming a dtype instead of a storage class, and a torch.Size as the size
        p.str("dtype_id").global("torch._utils", "_rebuild_tensor_v2").op(MARK)
                .op(MARK).str("storage").global("torch", "float32").str("0").str("cpu").integer(12).op(TUPLE)
                .op(PickleBuilder.BINPERSID).integer(0)
                .global("torch", "Size").intTuple(2, 6).op(TUPLE1).op(REDUCE).intTuple(6, 1).bool(false).none()
                .op(TUPLE).op(REDUCE).op(SETITEM);
        // an untyped storage is bytes
        p.str("untyped").global("torch._utils", "_rebuild_tensor_v2").op(MARK)
                .op(MARK).str("storage").global("torch.storage", "UntypedStorage").str("1").str("cpu").integer(3)
                .op(TUPLE).op(PickleBuilder.BINPERSID).integer(0).intTuple(3).intTuple(1).bool(false).none()
                .op(TUPLE).op(REDUCE).op(SETITEM);
        Map<String, TensorData> t = readStateDict(p, CheckpointZipBuilder.archive()
                .storage("0", float32(ByteOrder.LITTLE_ENDIAN, TWELVE)).storage("1", new byte[] {7, 8, 9}))
                .stateDict();
        assertArrayEquals(TWELVE, t.get("parameter").toFloats());
        assertArrayEquals(new float[] {2, 3, 4}, t.get("subclass").toFloats());
        assertArrayEquals(new long[] {2, 6}, t.get("dtype_id").shape());
        assertSame(t.get("parameter").storage(), t.get("dtype_id").storage());
        assertEquals(DType.UINT8, t.get("untyped").dtype());
        assertArrayEquals(new double[] {7, 8, 9}, t.get("untyped").toDoubles());
    }

    @Test
    void deflatedEntriesAndAnyFolderNameAreRead() {
        PickleBuilder p = PickleBuilder.protocol(2).op(EMPTY_DICT).str("w")
                .tensor("DoubleStorage", "5", 2, 0, new long[] {2}, new long[] {1}).op(SETITEM);
        Checkpoint checkpoint = CheckpointReader.read(CheckpointZipBuilder.inFolder("my-weights.v2")
                .storage("5", float64(ByteOrder.LITTLE_ENDIAN, 1, 2)).pickle(p.stop()).deflated()
                .writeTo(dir.resolve("d.pt")));
        assertArrayEquals(new double[] {1, 2}, checkpoint.stateDict().get("w").toDoubles());
        assertEquals(java.util.List.of("collections OrderedDict", "torch DoubleStorage",
                "torch._utils _rebuild_tensor_v2"), checkpoint.pickleGlobals());
    }
}
