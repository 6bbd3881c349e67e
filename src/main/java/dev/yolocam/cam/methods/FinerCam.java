package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.MethodParameters;
import dev.yolocam.cam.ModelAccess;
import dev.yolocam.cam.Target;
import dev.yolocam.cam.TargetExpression;
import dev.yolocam.cam.TargetExpression.Factor;
import dev.yolocam.cam.TargetKind;
import dev.yolocam.detect.Detection;
import dev.yolocam.errors.UsageException;
import dev.yolocam.head.PredictionField;
import dev.yolocam.head.PredictionTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finer-CAM (Zhang et al. 2025; pytorch-grad-cam's {@code finer_cam.py}): Grad-CAM of a target that contrasts each
 * explained class with the classes the model finds most similar. Upstream is written for classifiers; its detection
 * form here is the oracle's (README 9b): for each explained detection k (row r, class c) the target gains
 * {@code - alpha * sum_j score(r, cmp_j)}, with {@code cmp_j} the {@code classes} other classes whose scores in
 * row r are nearest to c's (ties: lower class index first; fewer when the model has fewer other classes). The
 * score is the class score of the class target, or objectness times it for class_obj; other target kinds have no
 * class to contrast and stay as they are. Upstream's defaults: {@code alpha = 1}, three comparison classes.
 */
public final class FinerCam implements CamMethod {
    private final GradCam base = new GradCam();
    private final double alpha;
    private final int classes;

    /** Upstream's defaults: alpha = 1, three comparison classes. */
    public FinerCam() {
        this(1, 3);
    }

    public FinerCam(double alpha, int classes) {
        this.alpha = alpha;
        this.classes = classes;
    }

    /** {@code alpha=<number >= 0>}, {@code classes=<whole number >= 1>}. */
    @Override
    public CamMethod withParameters(MethodParameters parameters) {
        parameters.requireOnly(name(), Set.of("alpha", "classes"));
        double chosenAlpha = parameters.number(name(), "alpha", alpha);
        if (chosenAlpha < 0) {
            throw new UsageException(name() + " parameter alpha must be 0 or more, got " + parameters.text("alpha", ""));
        }
        double chosenClasses = parameters.number(name(), "classes", (double) classes);
        if (chosenClasses < 1 || chosenClasses != Math.rint(chosenClasses) || chosenClasses > Integer.MAX_VALUE) {
            throw new UsageException(name() + " parameter classes must be a whole number of comparison classes, 1 "
                    + "or more, got " + parameters.text("classes", ""));
        }
        return new FinerCam(chosenAlpha, (int) chosenClasses);
    }

    @Override
    public String name() {
        return "FinerCAM";
    }

    @Override
    public String summary() {
        return "Grad-CAM of the class score minus alpha x the scores of the nearest other classes (alpha=1, classes=3)";
    }

    @Override
    public boolean usesGradients() {
        return true;
    }

    @Override
    public float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options) {
        return base.layerMap(tensors, eigenSmooth, model, options);
    }

    @Override
    public Target target(Target target) {
        if (!target.kinds().contains(TargetKind.CLASS) && !target.kinds().contains(TargetKind.CLASS_OBJ)) {
            throw new UsageException(name() + " contrasts class scores; its target must include class or class_obj");
        }
        return target.adjusted(this::addComparisons);
    }

    private void addComparisons(TargetExpression expression, Target target, PredictionTable table) {
        for (Detection d : target.detections()) {
            for (int other : comparisonClasses(table, d.row(), d.classId())) {
                Factor score = new Factor(d.row(), PredictionField.classScore(other));
                if (target.kinds().contains(TargetKind.CLASS)) {
                    expression.add(-alpha, score);
                }
                if (target.kinds().contains(TargetKind.CLASS_OBJ)) {
                    expression.add(-alpha, new Factor(d.row(), PredictionField.OBJECTNESS), score);
                }
            }
        }
    }

    /** The other classes of {@code row} nearest in score to {@code explained}'s, nearest first. */
    private List<Integer> comparisonClasses(PredictionTable table, int row, int explained) {
        float own = table.get(row, PredictionField.classScore(explained));
        List<Integer> others = new ArrayList<>();
        for (int c = 0; c < table.classes(); c++) {
            if (c != explained) {
                others.add(c);
            }
        }
        others.sort(Comparator.comparingDouble(
                (Integer c) -> Math.abs(table.get(row, PredictionField.classScore(c)) - own)));
        return others.subList(0, Math.min(classes, others.size()));
    }
}
