package dev.yolocam.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor as stored in a checkpoint: a (possibly strided, offset) view of a typed storage. Values are decoded
 * only when asked for, always into a fresh C-order array.
 */
public final class TensorData {
    private final DType dtype;
    private final long[] shape;
    private final long[] stride;
    private final long offset;
    private final Storage storage;

    public TensorData(Storage storage, long offset, long[] shape, long[] stride) {
        this.dtype = storage.dtype();
        this.storage = storage;
        this.offset = offset;
        this.shape = shape.clone();
        this.stride = stride.clone();
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long[] stride() {
        return stride.clone();
    }

    public long offset() {
        return offset;
    }

    public Storage storage() {
        return storage;
    }

    public int rank() {
        return shape.length;
    }

    public long numel() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Values in C order, converted to float (fp16/bf16 exactly, fp64 rounded, integers cast). */
    public float[] toFloats() {
        float[] out = new float[Math.toIntExact(numel())];
        ByteBuffer buf = storage.buffer();
        if (isContiguous() && dtype == DType.FLOAT32) {
            buf.position(Math.toIntExact(offset * 4)).asFloatBuffer().get(out);
        } else if (isContiguous() && dtype == DType.FLOAT16) {
            int base = Math.toIntExact(offset * 2);
            for (int i = 0; i < out.length; i++) {
                out[i] = halfToFloat(buf.getShort(base + 2 * i));
            }
        } else {
            forEachElementIndex((i, el) -> out[i] = (float) read(buf, el));
        }
        return out;
    }

    /** True when the view's strides are the C-order strides of its shape (a plain slice of the storage). */
    public boolean isContiguous() {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** Values in C order as doubles (exact for every dtype but int64 beyond 2^53). */
    public double[] toDoubles() {
        double[] out = new double[Math.toIntExact(numel())];
        ByteBuffer buf = storage.buffer();
        forEachElementIndex((i, el) -> out[i] = read(buf, el));
        return out;
    }

    /** The tensor's bytes in C order and little-endian, as {@code tensor.contiguous().numpy().tobytes()} gives them. */
    public byte[] contiguousBytes() {
        int n = Math.toIntExact(numel());
        int width = dtype.bytes();
        byte[] out = new byte[n * width];
        ByteBuffer src = storage.buffer();
        forEachElementIndex((i, el) -> {
            int from = Math.toIntExact(el * width);
            for (int b = 0; b < width; b++) {
                out[i * width + b] = src.get(from + b);
            }
        });
        return out;
    }

    private interface ElementVisitor {
        void visit(int flatIndex, long storageElement);
    }

    private void forEachElementIndex(ElementVisitor visitor) {
        int n = Math.toIntExact(numel());
        if (n == 0) {
            return;
        }
        int rank = shape.length;
        long[] index = new long[rank];
        long element = offset;
        for (int i = 0; i < n; i++) {
            visitor.visit(i, element);
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                element += stride[d];
                if (index[d] < shape[d]) {
                    break;
                }
                element -= stride[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    private double read(ByteBuffer buf, long element) {
        int at = Math.toIntExact(element * dtype.bytes());
        return switch (dtype) {
            case FLOAT16 -> halfToFloat(buf.getShort(at));
            case BFLOAT16 -> Float.intBitsToFloat((buf.getShort(at) & 0xffff) << 16);
            case FLOAT32 -> buf.getFloat(at);
            case FLOAT64 -> buf.getDouble(at);
            case UINT8 -> buf.get(at) & 0xff;
            case INT8 -> buf.get(at);
            case INT16 -> buf.getShort(at);
            case INT32 -> buf.getInt(at);
            case INT64 -> buf.getLong(at);
            case BOOL -> buf.get(at) != 0 ? 1 : 0;
        };
    }

    /** IEEE 754 binary16 to float, exact (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    @Override
    public String toString() {
        return "tensor(" + dtype.numpyName() + ", " + Arrays.toString(shape) + ")";
    }

    /** A typed, little-endian block of bytes from the checkpoint's {@code data/<key>} entry. */
    public record Storage(String key, DType dtype, byte[] bytes) {
        public long elements() {
            return bytes.length / dtype.bytes();
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
