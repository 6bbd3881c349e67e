package dev.yolocam.torch.yaml;

import dev.yolocam.torch.DType;
import dev.yolocam.torch.TensorData;
import java.util.LinkedHashMap;
import java.util.Map;

/** State_dicts made of zero tensors of given shapes, for tests that check structure rather than values. */
final class FakeStateDict {
    private FakeStateDict() {
    }

    static TensorData zeros(DType dtype, long... shape) {
        long numel = 1;
        for (long d : shape) {
            numel *= d;
        }
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= shape[i];
        }
        byte[] bytes = new byte[Math.toIntExact(numel * dtype.bytes())];
        return new TensorData(new TensorData.Storage("fake", dtype, bytes), 0, shape, stride);
    }

    /** key -> zero tensor; {@code num_batches_tracked} is int64 as in PyTorch, everything else {@code dtype}. */
    static Map<String, TensorData> of(Map<String, long[]> shapes, DType dtype) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        shapes.forEach((key, shape) -> out.put(key,
                zeros(key.endsWith("num_batches_tracked") ? DType.INT64 : dtype, shape)));
        return out;
    }
}
