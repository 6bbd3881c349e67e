package dev.yolocam.head;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.nio.file.Path;
import java.util.List;

/** Reads and checks the attributes every family's Detect module has ({@code nl}, {@code nc}, {@code stride}). */
final class HeadAttributes {
    private final ModuleNode detect;
    private final Path source;
    private final String kind;

    HeadAttributes(ModuleNode detect, Path source, String kind) {
        this.detect = detect;
        this.source = source;
        this.kind = kind;
    }

    /** A positive integer attribute below 100,000. */
    int positiveInt(String name) {
        if (detect.attributes().get(name) instanceof Number n && n.longValue() > 0 && n.longValue() < 100_000) {
            return n.intValue();
        }
        throw bad("attribute '" + name + "' missing or invalid: " + detect.attributes().get(name));
    }

    /** The {@code stride} attribute: {@code levels} positive integers, as a tensor or a list. */
    float[] strides(int levels) {
        Object stride = detect.attributes().get("stride");
        float[] values;
        if (stride instanceof TensorData t) {
            if (t.numel() != levels) {
                throw bad("has " + t.numel() + " strides for " + levels + " levels");
            }
            values = t.toFloats();
        } else if (stride instanceof List<?> list) {
            values = new float[list.size()];
            for (int i = 0; i < values.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw bad("stride " + list.get(i) + " is not a number");
                }
                values[i] = n.floatValue();
            }
        } else {
            throw bad("has no stride");
        }
        if (values.length != levels) {
            throw bad("has " + values.length + " strides for " + levels + " levels");
        }
        for (float v : values) {
            if (!(v >= 1) || v != Math.rint(v) || v > 4096) {
                throw bad("stride " + v + " is not a positive integer");
            }
        }
        return values;
    }

    UnsupportedModelException bad(String problem) {
        return new UnsupportedModelException(source, detect.path() + " (" + kind + "): " + problem);
    }
}
