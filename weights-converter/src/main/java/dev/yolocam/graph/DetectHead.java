package dev.yolocam.graph;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.nio.file.Path;
import java.util.List;

/**
 * The facts of a YOLOv5 {@code Detect} module: levels, anchors per level, outputs per anchor, strides, and the
 * anchors in grid units (the {@code anchors} buffer, shape (nl, na, 2)).
 */
public record DetectHead(String path, int levels, int anchorsPerLevel, int outputsPerAnchor, int classes,
                         float[] strides, float[] anchorsGridUnits) {

    public static DetectHead of(ModuleNode detect, Path source) {
        int nl = intAttr(detect, "nl", source);
        int na = intAttr(detect, "na", source);
        int no = intAttr(detect, "no", source);
        int nc = intAttr(detect, "nc", source);
        if (no != nc + 5) {
            throw bad(detect, source, "no=" + no + " is not nc+5 (nc=" + nc + ")");
        }
        TensorData anchors = detect.tensor("anchors").orElseThrow(() -> bad(detect, source, "has no anchors buffer"));
        long[] shape = anchors.shape();
        if (shape.length != 3 || shape[0] != nl || shape[1] != na || shape[2] != 2) {
            throw bad(detect, source, "anchors buffer has shape " + java.util.Arrays.toString(shape)
                    + ", expected [" + nl + ", " + na + ", 2]");
        }
        float[] strides = strides(detect, nl, source);
        return new DetectHead(detect.path(), nl, na, no, nc, strides, anchors.toFloats());
    }

    public float maxStride() {
        float max = 0;
        for (float s : strides) {
            max = Math.max(max, s);
        }
        return max;
    }

    /** Anchor (w, h) in input pixels for level k, anchor a, as YOLOv5 computes it: float32 anchors * stride. */
    public float anchorPixels(int level, int anchor, int coordinate) {
        return anchorsGridUnits[(level * anchorsPerLevel + anchor) * 2 + coordinate] * strides[level];
    }

    /** Number of prediction rows for an input of the given size. */
    public long rows(long height, long width) {
        long rows = 0;
        for (float s : strides) {
            rows += (long) anchorsPerLevel * (height / (long) s) * (width / (long) s);
        }
        return rows;
    }

    private static float[] strides(ModuleNode detect, int nl, Path source) {
        Object stride = detect.attributes().get("stride");
        float[] values;
        if (stride instanceof TensorData t) {
            values = t.toFloats();
        } else if (stride instanceof List<?> list) {
            values = new float[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ((Number) list.get(i)).floatValue();
            }
        } else {
            throw bad(detect, source, "has no stride");
        }
        if (values.length != nl) {
            throw bad(detect, source, "has " + values.length + " strides for " + nl + " levels");
        }
        for (float v : values) {
            if (!(v >= 1) || v != Math.rint(v)) {
                throw bad(detect, source, "stride " + v + " is not a positive integer");
            }
        }
        return values;
    }

    private static int intAttr(ModuleNode node, String name, Path source) {
        if (node.attributes().get(name) instanceof Number n && n.longValue() > 0 && n.longValue() < 100_000) {
            return n.intValue();
        }
        throw bad(node, source, "attribute '" + name + "' missing or invalid: " + node.attributes().get(name));
    }

    private static UnsupportedModelException bad(ModuleNode node, Path source, String problem) {
        return new UnsupportedModelException(source, node.path() + " (Detect): " + problem);
    }
}
