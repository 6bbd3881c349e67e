package dev.yolocam.cam;

import dev.yolocam.cam.TargetExpression.Factor;
import dev.yolocam.detect.Detection;
import dev.yolocam.head.PredictionField;
import dev.yolocam.head.PredictionTable;
import dev.yolocam.errors.UsageException;
import java.util.List;

/**
 * A scalar function of one image's predictions: the sum of its {@link TargetKind}s over the selected detections
 * (or, for class_all, over every row), written once as a {@link TargetExpression} over the family-neutral
 * {@link PredictionTable}. Value and gradient with respect to the raw output (which seeds the backward pass) both
 * follow from that expression.
 *
 * @param kinds          the summed target kinds (repeatable on the command line)
 * @param detections     the detections whose rows are explained (NMS survivors of the same forward pass)
 * @param classAllClasses the classes class_all sums over
 * @param mirrored       the output is of a horizontally flipped image: the x target counts as {@code -x}, the left
 *                       and right side distances trade places
 * @param grid           where each row's anchor point lies (needed by the side distances l, t, r, b); may be null
 *                       for targets without them
 * @param adjustment     terms the explaining method adds to the expression ({@link CamMethod#target})
 */
public record Target(List<TargetKind> kinds, List<Detection> detections, int[] classAllClasses, boolean mirrored,
                     PredictionGrid grid, Adjustment adjustment) {

    /**
     * Terms a method adds to every expression of a target, knowing the table it is evaluated on (FinerCAM subtracts
     * the scores of each detection's nearest other classes).
     */
    @FunctionalInterface
    public interface Adjustment {
        Adjustment NONE = (expression, target, table) -> { };

        void addTerms(TargetExpression expression, Target target, PredictionTable table);
    }

    public Target(List<TargetKind> kinds, List<Detection> detections, int[] classAllClasses, boolean mirrored,
                  PredictionGrid grid) {
        this(kinds, detections, classAllClasses, mirrored, grid, Adjustment.NONE);
    }

    public Target(List<TargetKind> kinds, List<Detection> detections, int[] classAllClasses) {
        this(kinds, detections, classAllClasses, false, null);
    }

    public Target(List<TargetKind> kinds, List<Detection> detections, int[] classAllClasses, PredictionGrid grid) {
        this(kinds, detections, classAllClasses, false, grid);
    }

    /** The same target on the output of the horizontally flipped image (rows of the mirrored cells). */
    public Target mirror(PredictionGrid grid) {
        List<Detection> moved = detections.stream().map(d -> new Detection(d.x1(), d.y1(), d.x2(), d.y2(),
                d.confidence(), d.classId(), grid.mirror(d.row()))).toList();
        return new Target(kinds, moved, classAllClasses, !mirrored, grid, adjustment);
    }

    /** The same target restricted to one detection. */
    public Target only(Detection detection) {
        return new Target(kinds, List.of(detection), classAllClasses, mirrored, grid, adjustment);
    }

    /** The same target with {@code extra}'s terms added to its expression. */
    public Target adjusted(Adjustment extra) {
        return new Target(kinds, detections, classAllClasses, mirrored, grid, extra);
    }

    public double value(PredictionTable table) {
        return expression(table).value(table);
    }

    /** d(value)/d(raw output), laid out like the raw output the table reads. */
    public float[] gradient(PredictionTable table) {
        return expression(table).gradient(table);
    }

    /** The target as a sum over the table's fields: each kind says once which fields it adds up. */
    public TargetExpression expression(PredictionTable table) {
        TargetExpression e = new TargetExpression();
        for (TargetKind kind : kinds) {
            if (kind.needsObjectness() && !table.hasObjectness()) {
                throw new UsageException("target " + kind.cliName() + " needs a model that predicts objectness; "
                        + "this model family does not (use class, or a box coordinate)");
            }
            if (kind.needsAnchorFreeHead() && (grid == null || grid.anchors() != 1)) {
                throw new UsageException("target " + kind.cliName() + " is a side distance from an anchor point, "
                        + "which only anchor-free models (YOLOv8, YOLO11) predict; use x, y, w or h");
            }
            if (kind == TargetKind.CLASS_ALL) {
                for (int row = 0; row < table.rows(); row++) {
                    for (int c : classAllClasses) {
                        e.add(1, new Factor(row, PredictionField.classScore(c)));
                    }
                }
                continue;
            }
            for (Detection d : detections) {
                int row = d.row();
                Factor cls = new Factor(row, PredictionField.classScore(d.classId()));
                switch (kind) {
                    case CLASS -> e.add(1, cls);
                    case OBJ -> e.add(1, new Factor(row, PredictionField.OBJECTNESS));
                    case CLASS_OBJ -> e.add(1, new Factor(row, PredictionField.OBJECTNESS), cls);
                    case X -> e.add(mirrored ? -1 : 1, new Factor(row, PredictionField.X));
                    case Y -> e.add(1, new Factor(row, PredictionField.Y));
                    case W -> e.add(1, new Factor(row, PredictionField.W));
                    case H -> e.add(1, new Factor(row, PredictionField.H));
                    case L -> side(e, row, mirrored ? -1 : 1, true);
                    case R -> side(e, row, mirrored ? 1 : -1, true);
                    case T -> side(e, row, 1, false);
                    case B -> side(e, row, -1, false);
                    case CLASS_ALL -> throw new IllegalStateException("handled above");
                }
            }
        }
        adjustment.addTerms(e, this, table);
        return e;
    }

    /**
     * Adds a side distance in grid cells: {@code l = a - (x - w/2)/s}, {@code r = (x + w/2)/s - a} (and t, b with y,
     * h), with {@code a} the row's anchor point and {@code s} its stride; {@code sign} +1 for left/top, -1 for
     * right/bottom. In a mirrored output the left distance of the mirrored row is the right one.
     */
    private void side(TargetExpression e, int row, int sign, boolean horizontal) {
        double s = grid.stride(row);
        double a = grid.anchorPoint(row)[horizontal ? 0 : 1];
        PredictionField centre = horizontal ? PredictionField.X : PredictionField.Y;
        PredictionField size = horizontal ? PredictionField.W : PredictionField.H;
        e.add(sign * a);
        e.add(-sign / s, new Factor(row, centre));
        e.add(1 / (2 * s), new Factor(row, size));
    }

    /** True when the target has nothing to explain (no detection and no class_all classes). */
    public boolean isEmpty() {
        boolean rowBased = kinds.stream().anyMatch(k -> k != TargetKind.CLASS_ALL);
        boolean all = kinds.contains(TargetKind.CLASS_ALL);
        return (!rowBased || detections.isEmpty()) && (!all || classAllClasses.length == 0);
    }
}
