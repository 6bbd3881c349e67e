package dev.yolocam.cam;

import java.util.List;

/**
 * What to explain: the method, the target layers (module paths, already resolved), the summed target kinds, the
 * classes to explain (empty: every detected class), and the options of pytorch-grad-cam and the explainer.
 *
 * @param perDetection one map per kept detection, each from its own row only
 * @param keepTopPercent 0 to keep the whole map, else keep only the top percent of its values
 * @param renormalize    min-max normalise the map inside each box and zero it outside
 */
public record CamRequest(CamMethod method, List<String> layers, List<TargetKind> targets, int[] classes,
                         boolean perDetection, boolean eigenSmooth, boolean augSmooth,
                         CamMath.Aggregation aggregation, double keepTopPercent, boolean renormalize,
                         CamOptions options) {
    public CamRequest {
        layers = List.copyOf(layers);
        targets = List.copyOf(targets);
        classes = classes.clone();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("at least one target layer is needed");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
    }

    public static CamRequest of(CamMethod method, List<String> layers) {
        return new CamRequest(method, layers, List.of(TargetKind.CLASS), new int[0], false, false, false,
                CamMath.Aggregation.MEAN, 0, false, CamOptions.defaults());
    }

    public CamRequest withTargets(List<TargetKind> newTargets) {
        return new CamRequest(method, layers, newTargets, classes, perDetection, eigenSmooth, augSmooth, aggregation,
                keepTopPercent, renormalize, options);
    }

    public CamRequest withClasses(int... newClasses) {
        return new CamRequest(method, layers, targets, newClasses, perDetection, eigenSmooth, augSmooth, aggregation,
                keepTopPercent, renormalize, options);
    }

    public CamRequest withPerDetection(boolean value) {
        return new CamRequest(method, layers, targets, classes, value, eigenSmooth, augSmooth, aggregation,
                keepTopPercent, renormalize, options);
    }

    public CamRequest withEigenSmooth(boolean value) {
        return new CamRequest(method, layers, targets, classes, perDetection, value, augSmooth, aggregation,
                keepTopPercent, renormalize, options);
    }

    public CamRequest withAugSmooth(boolean value) {
        return new CamRequest(method, layers, targets, classes, perDetection, eigenSmooth, value, aggregation,
                keepTopPercent, renormalize, options);
    }

    public CamRequest withAggregation(CamMath.Aggregation value) {
        return new CamRequest(method, layers, targets, classes, perDetection, eigenSmooth, augSmooth, value,
                keepTopPercent, renormalize, options);
    }

    public CamRequest withKeepTopPercent(double value) {
        return new CamRequest(method, layers, targets, classes, perDetection, eigenSmooth, augSmooth, aggregation,
                value, renormalize, options);
    }

    public CamRequest withRenormalize(boolean value) {
        return new CamRequest(method, layers, targets, classes, perDetection, eigenSmooth, augSmooth, aggregation,
                keepTopPercent, value, options);
    }

    public CamRequest withOptions(CamOptions value) {
        return new CamRequest(method, layers, targets, classes, perDetection, eigenSmooth, augSmooth, aggregation,
                keepTopPercent, renormalize, value);
    }
}
