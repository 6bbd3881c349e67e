package dev.yolocam.torch.yaml;

import dev.yolocam.torch.DType;
import dev.yolocam.torch.TensorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The few tensors a model's constructor makes itself rather than reading them from the state_dict. */
final class SmallTensors {
    private SmallTensors() {
    }

    /** A 1-d float32 tensor, like {@code torch.tensor([8., 16., 32.])}. */
    static TensorData float32(String name, double... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            bytes.putFloat((float) v);
        }
        return new TensorData(new TensorData.Storage(name, DType.FLOAT32, bytes.array()), 0,
                new long[] {values.length}, new long[] {1});
    }

    /** {@code torch.empty(0)}. */
    static TensorData empty(String name) {
        return float32(name);
    }
}
