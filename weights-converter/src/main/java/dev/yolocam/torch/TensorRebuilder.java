package dev.yolocam.torch;

import java.util.Arrays;
import java.util.List;

/**
 * Builds the {@link TensorData} that {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)}
 * would, after checking that the view stays inside its storage and can be materialised as one Java array.
 */
final class TensorRebuilder {
    /** PyTorch's own limit on tensor dimensions. */
    private static final int MAX_RANK = 64;

    private final PickleInput input;
    private final long maxTensorBytes;

    TensorRebuilder(PickleInput input, long maxTensorBytes) {
        this.input = input;
        this.maxTensorBytes = maxTensorBytes;
    }

    TensorData rebuild(List<Object> args) {
        if (args.size() < 4 || args.size() > 7) {
            throw input.corrupt("_rebuild_tensor_v2 takes 4 to 7 arguments, got " + args.size());
        }
        if (!(args.get(0) instanceof TensorData.Storage storage)) {
            throw input.corrupt("_rebuild_tensor_v2 expects a storage, got " + PyTypes.name(args.get(0)));
        }
        long offset = nonNegative(args.get(1), "storage offset");
        long[] shape = dimensions(args.get(2), "size");
        long[] stride = dimensions(args.get(3), "stride");
        if (shape.length != stride.length) {
            throw input.corrupt("tensor size " + Arrays.toString(shape) + " and stride " + Arrays.toString(stride)
                    + " differ in rank");
        }
        requireInsideStorage(storage, offset, shape, stride);
        return new TensorData(storage, offset, shape, stride);
    }

    private void requireInsideStorage(TensorData.Storage storage, long offset, long[] shape, long[] stride) {
        for (long size : shape) {
            if (size == 0) {
                return;
            }
        }
        String view = "tensor of shape " + Arrays.toString(shape) + " (offset " + offset + ", stride "
                + Arrays.toString(stride) + ")";
        long elements = 1;
        long lastElement = offset;
        try {
            for (int d = 0; d < shape.length; d++) {
                elements = Math.multiplyExact(elements, shape[d]);
                lastElement = Math.addExact(lastElement, Math.multiplyExact(shape[d] - 1, stride[d]));
            }
        } catch (ArithmeticException overflow) {
            throw input.unsafe(view + " has more elements than a long can count");
        }
        if (lastElement >= storage.elements()) {
            throw input.unsafe(view + " reaches element " + lastElement + " of storage 'data/" + storage.key()
                    + "', which holds " + storage.elements() + " elements");
        }
        if (elements > maxTensorBytes / storage.dtype().bytes()) {
            throw input.unsafe(view + " has " + elements + " elements, more than the limit of " + maxTensorBytes
                    + " bytes when materialised");
        }
    }

    private long[] dimensions(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw input.corrupt("tensor " + what + " must be a tuple, got " + PyTypes.name(value));
        }
        if (list.size() > MAX_RANK) {
            throw input.corrupt("tensor " + what + " has " + list.size() + " dimensions (at most " + MAX_RANK + ")");
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nonNegative(list.get(i), "tensor " + what);
        }
        return out;
    }

    private long nonNegative(Object value, String what) {
        if (value instanceof Long number && number >= 0) {
            return number;
        }
        if (value instanceof java.math.BigInteger) {
            throw input.unsafe(what + " " + value + " is too large");
        }
        throw input.corrupt(what + " must be a non-negative int, got " + PyTypes.name(value)
                + (value instanceof Long ? " " + value : ""));
    }
}
