package dev.yolocam.cli;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.TargetKind;
import dev.yolocam.errors.UsageException;
import dev.yolocam.metrics.MetricSet;
import dev.yolocam.metrics.MetricsStage;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The CAM options shared by {@code explain} and {@code sweep}: method, targets, and pytorch-grad-cam's knobs. */
public final class CamOptionsMixin {
    @Mixin
    MethodOptions method;

    @Option(names = {"-t", "--target"}, paramLabel = "KIND", converter = Targets.class,
            completionCandidates = Targets.class,
            description = "What to explain: ${COMPLETION-CANDIDATES}. Default: class. Repeatable: the targets are "
                    + "summed.")
    List<TargetKind> targets;

    @Option(names = "--per-detection", negatable = true,
            description = "One map per detection, from its own prediction row only (--no-per-detection: one map of "
                    + "them all). Default: one map of them all, one per detection for a method that explains "
                    + "detections one at a time (ODAM).")
    Boolean perDetection;

    @Option(names = "--aggregate", paramLabel = "HOW", defaultValue = "mean", converter = Aggregations.class,
            completionCandidates = Aggregations.class,
            description = "How maps of several --layer are combined: ${COMPLETION-CANDIDATES}. "
                    + "Default: ${DEFAULT-VALUE}.")
    CamMath.Aggregation aggregate;

    @Option(names = "--eigen-smooth", description = "First principal component of the weighted activations.")
    boolean eigenSmooth;

    @Option(names = "--aug-smooth", description = "Average over horizontal flip x brightness 0.9/1.0/1.1.")
    boolean augSmooth;

    @Option(names = "--keep-top", paramLabel = "PCT", defaultValue = "0",
            description = "Keep only the top PCT percent of the map (0 keeps everything).")
    double keepTop;

    @Option(names = "--renormalize", description = "Normalise the map inside each detection box, zero outside.")
    boolean renormalize;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "16",
            description = "Perturbed copies of one image per forward pass (ScoreCAM, AblationCAM, the ROAD and "
                    + "deletion/insertion metrics); images share passes by --images-per-pass. "
                    + "Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the methods that draw random numbers (RandomCAM, D-RISE): the same seed gives the "
                    + "same map. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--masks", paramLabel = "N", defaultValue = "" + CamOptions.DEFAULT_MASKS,
            description = "Random masks of D-RISE, one forward pass each per image. Default: ${DEFAULT-VALUE}.")
    int masks;

    @Option(names = "--metrics", paramLabel = "WHICH", converter = Metrics.Names.class,
            completionCandidates = Metrics.Names.class,
            description = "Faithfulness metrics per map, one of ${COMPLETION-CANDIDATES}: cheap (default; the "
                    + "confidence change, one forward pass, and the map's mass in its own and in the other detections' "
                    + "boxes), all (also ROAD, deletion/insertion AUC: about 40 forward "
                    + "passes; and the pointing game when the image has a YOLO label file), none.")
    Metrics metrics;

    @Option(names = "--no-metrics", description = "Skip the faithfulness metrics: the same as --metrics none.")
    boolean noMetrics;

    /** The names --target takes: the target kinds, in lower case. */
    static final class Targets extends Choice<TargetKind> {
        Targets() {
            super(() -> List.of(TargetKind.values()), TargetKind::cliName);
        }
    }

    /** The names --aggregate takes. */
    static final class Aggregations extends Choice<CamMath.Aggregation> {
        Aggregations() {
            super(() -> List.of(CamMath.Aggregation.values()), Choice::lowerCase);
        }
    }

    /** What --metrics can choose, cheapest last. */
    enum Metrics {
        CHEAP(MetricSet.cheap()),
        ALL(MetricSet.all()),
        NONE(MetricSet.none());

        private final MetricSet set;

        Metrics(MetricSet set) {
            this.set = set;
        }

        static final class Names extends Choice<Metrics> {
            Names() {
                super(() -> List.of(values()), Choice::lowerCase);
            }
        }
    }

    CamMethod method() {
        return method.single();
    }

    CamRequest request(List<String> layers, int[] classes) {
        if (batchSize < 1 || batchSize > 256) {
            throw new UsageException("--batch-size must be between 1 and 256, got " + batchSize);
        }
        if (masks < 1) {
            throw new UsageException("--masks must be at least 1, got " + masks);
        }
        if (!(keepTop >= 0 && keepTop <= 100)) {
            throw new UsageException("--keep-top must be a percentage between 0 and 100, got " + keepTop);
        }
        CamRequest.Builder request = CamRequest.builder(method(), layers).classes(classes)
                .eigenSmooth(eigenSmooth).augSmooth(augSmooth).aggregation(aggregate).keepTopPercent(keepTop)
                .renormalize(renormalize).options(new CamOptions(batchSize, seed, masks));
        if (perDetection != null) {
            request.perDetection(perDetection);
        }
        return (targets == null ? request : request.targets(targets)).build();
    }

    /** The metrics stage that follows explain (or sweep): --metrics / --no-metrics, in passes of --batch-size. */
    MetricsStage metricsStage() {
        return new MetricsStage(metricSet(), batchSize);
    }

    /** The metrics stage with the chosen metrics and those of {@code needed} (sweep --rank's). */
    MetricsStage metricsStage(MetricSet needed) {
        return new MetricsStage(metricSet().with(needed), batchSize);
    }

    /** A stage of exactly {@code metrics}, in passes of --batch-size (explain --layer best's ranking). */
    MetricsStage stageOf(MetricSet metrics) {
        return new MetricsStage(metrics, batchSize);
    }

    private MetricSet metricSet() {
        if (noMetrics && metrics != null && metrics != Metrics.NONE) {
            throw new UsageException("--no-metrics contradicts --metrics " + Choice.lowerCase(metrics));
        }
        return noMetrics ? MetricSet.none() : metrics == null ? MetricSet.cheap() : metrics.set;
    }
}
