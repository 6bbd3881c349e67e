package dev.yolocam.cam;

import dev.yolocam.detect.Detection;
import java.util.List;

/**
 * A scalar function of one image's Detect output: the sum of its {@link TargetKind}s over the selected detections
 * (or, for class_all, over every row). It gives both its value and its gradient with respect to the output,
 * which seeds the backward pass; the gradient is exact for every kind (class_obj is a product of two outputs).
 *
 * @param kinds          the summed target kinds (repeatable on the command line)
 * @param detections     the detections whose rows are explained (NMS survivors of the same forward pass)
 * @param classAllClasses the classes class_all sums over
 * @param mirrored       the output is of a horizontally flipped image: the x target counts as {@code -x}
 */
public record Target(List<TargetKind> kinds, List<Detection> detections, int[] classAllClasses, boolean mirrored) {

    public Target(List<TargetKind> kinds, List<Detection> detections, int[] classAllClasses) {
        this(kinds, detections, classAllClasses, false);
    }

    /** The same target on the output of the horizontally flipped image (rows of the mirrored cells). */
    public Target mirror(PredictionGrid grid) {
        List<Detection> moved = detections.stream().map(d -> new Detection(d.x1(), d.y1(), d.x2(), d.y2(),
                d.confidence(), d.classId(), grid.mirror(d.row()))).toList();
        return new Target(kinds, moved, classAllClasses, !mirrored);
    }

    /** The same target restricted to one detection. */
    public Target only(Detection detection) {
        return new Target(kinds, List.of(detection), classAllClasses, mirrored);
    }

    public double value(float[] out, int rows, int columns) {
        double total = 0;
        for (TargetKind kind : kinds) {
            if (kind == TargetKind.CLASS_ALL) {
                for (int n = 0; n < rows; n++) {
                    for (int c : classAllClasses) {
                        total += out[n * columns + 5 + c];
                    }
                }
                continue;
            }
            for (Detection d : detections) {
                int base = d.row() * columns;
                total += switch (kind) {
                    case CLASS -> out[base + 5 + d.classId()];
                    case OBJ -> out[base + 4];
                    case CLASS_OBJ -> out[base + 4] * out[base + 5 + d.classId()];
                    case X -> mirrored ? -out[base] : out[base];
                    case Y -> out[base + 1];
                    case W -> out[base + 2];
                    case H -> out[base + 3];
                    case CLASS_ALL -> 0;
                };
            }
        }
        return total;
    }

    /** d(value)/d(out), same layout as {@code out}. */
    public float[] gradient(float[] out, int rows, int columns) {
        float[] g = new float[rows * columns];
        for (TargetKind kind : kinds) {
            if (kind == TargetKind.CLASS_ALL) {
                for (int n = 0; n < rows; n++) {
                    for (int c : classAllClasses) {
                        g[n * columns + 5 + c] += 1f;
                    }
                }
                continue;
            }
            for (Detection d : detections) {
                int base = d.row() * columns;
                int cls = base + 5 + d.classId();
                switch (kind) {
                    case CLASS -> g[cls] += 1f;
                    case OBJ -> g[base + 4] += 1f;
                    case CLASS_OBJ -> {
                        g[base + 4] += out[cls];
                        g[cls] += out[base + 4];
                    }
                    case X -> g[base] += mirrored ? -1f : 1f;
                    case Y -> g[base + 1] += 1f;
                    case W -> g[base + 2] += 1f;
                    case H -> g[base + 3] += 1f;
                    default -> { }
                }
            }
        }
        return g;
    }

    /** True when the target has nothing to explain (no detection and no class_all classes). */
    public boolean isEmpty() {
        boolean rowBased = kinds.stream().anyMatch(k -> k != TargetKind.CLASS_ALL);
        boolean all = kinds.contains(TargetKind.CLASS_ALL);
        return (!rowBased || detections.isEmpty()) && (!all || classAllClasses.length == 0);
    }
}
