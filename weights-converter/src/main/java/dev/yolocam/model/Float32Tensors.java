package dev.yolocam.model;

import dev.yolocam.torch.DType;
import dev.yolocam.torch.TensorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Contiguous tensors made from Java arrays, for the state_dicts of random models. */
final class Float32Tensors {
    private Float32Tensors() {
    }

    static TensorData of(String key, float[] values, long[] shape) {
        if (values.length != numel(shape)) {
            throw new IllegalArgumentException(key + ": " + values.length + " values for shape "
                    + Arrays.toString(shape));
        }
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return new TensorData(new TensorData.Storage(key, DType.FLOAT32, bytes.array()), 0, shape,
                contiguousStride(shape));
    }

    /** An int64 zero of the given shape: BatchNorm's {@code num_batches_tracked} of an untrained model. */
    static TensorData int64Zero(String key, long[] shape) {
        return new TensorData(new TensorData.Storage(key, DType.INT64, new byte[Math.toIntExact(numel(shape)
                * Long.BYTES)]), 0, shape, contiguousStride(shape));
    }

    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static long[] contiguousStride(long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= shape[i];
        }
        return stride;
    }
}
