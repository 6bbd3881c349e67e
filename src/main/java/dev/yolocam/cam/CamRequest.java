package dev.yolocam.cam;

import java.util.List;

/**
 * What to explain: the method, the target layers (module paths, already resolved), the summed target kinds, the
 * classes to explain (empty: every detected class), and the options of pytorch-grad-cam and the explainer.
 *
 * @param perDetection one map per kept detection, each from its own row only
 * @param keepTopPercent 0 to keep the whole map, else keep only the top percent of its values
 * @param renormalize    min-max normalise the map inside each box and zero it outside
 * @param misses         also hold the detections against the image's YOLO label file and explain each labelled
 *                       object that was missed ({@link LabelCheck})
 */
public record CamRequest(CamMethod method, List<String> layers, List<TargetKind> targets, int[] classes,
                         boolean perDetection, boolean eigenSmooth, boolean augSmooth,
                         CamMath.Aggregation aggregation, double keepTopPercent, boolean renormalize,
                         CamOptions options, boolean misses) {
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

    /**
     * The method on the layers with every other choice at its default (class target, mean, no smoothing; one map per
     * detection when the method explains detections one at a time, {@link CamMethod#perDetectionByDefault}).
     */
    public static CamRequest of(CamMethod method, List<String> layers) {
        return builder(method, layers).build();
    }

    public static Builder builder(CamMethod method, List<String> layers) {
        return new Builder(method, layers);
    }

    /** A builder starting from this request's choices. */
    public Builder toBuilder() {
        Builder b = new Builder(method, layers);
        b.targets = targets;
        b.classes = classes;
        b.perDetection = perDetection;
        b.eigenSmooth = eigenSmooth;
        b.augSmooth = augSmooth;
        b.aggregation = aggregation;
        b.keepTopPercent = keepTopPercent;
        b.renormalize = renormalize;
        b.options = options;
        b.misses = misses;
        return b;
    }

    /** Sets the choices one by one; every one not set keeps its default. */
    public static final class Builder {
        private final CamMethod method;
        private final List<String> layers;
        private List<TargetKind> targets = List.of(TargetKind.CLASS);
        private int[] classes = new int[0];
        private boolean misses;
        private boolean perDetection;
        private boolean eigenSmooth;
        private boolean augSmooth;
        private CamMath.Aggregation aggregation = CamMath.Aggregation.MEAN;
        private double keepTopPercent;
        private boolean renormalize;
        private CamOptions options = CamOptions.defaults();

        private Builder(CamMethod method, List<String> layers) {
            this.method = method;
            this.layers = layers;
            this.perDetection = method.perDetectionByDefault();
        }

        public Builder targets(List<TargetKind> value) {
            targets = value;
            return this;
        }

        public Builder classes(int... value) {
            classes = value;
            return this;
        }

        public Builder perDetection(boolean value) {
            perDetection = value;
            return this;
        }

        public Builder eigenSmooth(boolean value) {
            eigenSmooth = value;
            return this;
        }

        public Builder augSmooth(boolean value) {
            augSmooth = value;
            return this;
        }

        public Builder aggregation(CamMath.Aggregation value) {
            aggregation = value;
            return this;
        }

        public Builder keepTopPercent(double value) {
            keepTopPercent = value;
            return this;
        }

        public Builder renormalize(boolean value) {
            renormalize = value;
            return this;
        }

        public Builder options(CamOptions value) {
            options = value;
            return this;
        }

        public Builder misses(boolean value) {
            misses = value;
            return this;
        }

        public CamRequest build() {
            return new CamRequest(method, layers, targets, classes, perDetection, eigenSmooth, augSmooth,
                    aggregation, keepTopPercent, renormalize, options, misses);
        }
    }
}
