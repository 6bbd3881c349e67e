package dev.yolocam.cli;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamMethods;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.TargetKind;
import dev.yolocam.errors.UsageException;
import dev.yolocam.metrics.MetricSet;
import dev.yolocam.metrics.MetricsStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The CAM options shared by {@code explain} and {@code sweep}: method, targets, and pytorch-grad-cam's knobs. */
public final class CamOptionsMixin {
    @Option(names = {"-m", "--method"}, paramLabel = "NAME", defaultValue = "GradCAM",
            description = "CAM method (case-insensitive; 'list' prints them all), with its parameters after a colon: "
                    + "KPCA-CAM:kernel=rbf,gamma=0.1. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = {"-t", "--target"}, paramLabel = "KIND",
            description = "What to explain: class (default), obj, class_obj, x, y, w, h, class_all. "
                    + "Repeatable: the targets are summed.")
    List<String> targets;

    @Option(names = "--per-detection", description = "One map per detection, from its own prediction row only.")
    boolean perDetection;

    @Option(names = "--aggregate", paramLabel = "mean|max", defaultValue = "mean",
            description = "How maps of several --layer are combined. Default: ${DEFAULT-VALUE}.")
    String aggregate;

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
                    + "deletion/insertion metrics); images share passes by --images-per-pass. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the methods that draw random numbers (RandomCAM): the same seed gives the same "
                    + "map. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--metrics", paramLabel = "cheap|all|none",
            description = "Faithfulness metrics per map: cheap (default; the confidence change, one forward pass), "
                    + "all (also ROAD, deletion/insertion AUC: about 40 forward passes; and the pointing game when "
                    + "the image has a YOLO label file), none.")
    String metrics;

    @Option(names = "--no-metrics", description = "Skip the faithfulness metrics: the same as --metrics none.")
    boolean noMetrics;

    boolean wantsMethodList() {
        return "list".equalsIgnoreCase(method.trim());
    }

    CamMethod method() {
        try {
            return CamMethods.parse(method).orElseThrow(() -> new UsageException("--method: unknown method '"
                    + method + "'; known: " + String.join(", ", CamMethods.all().stream().map(CamMethod::name)
                    .toList()) + " (see --method list)"));
        } catch (UsageException e) {
            throw e.problem().startsWith("--method") ? e : new UsageException("--method " + method + ": "
                    + e.problem());
        }
    }

    List<TargetKind> targetKinds() {
        List<TargetKind> out = new ArrayList<>();
        for (String t : targets == null ? List.of("class") : targets) {
            try {
                out.add(TargetKind.parse(t));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--target: " + e.getMessage());
            }
        }
        return out;
    }

    CamRequest request(List<String> layers, int[] classes) {
        if (batchSize < 1 || batchSize > 256) {
            throw new UsageException("--batch-size must be between 1 and 256, got " + batchSize);
        }
        if (!(keepTop >= 0 && keepTop <= 100)) {
            throw new UsageException("--keep-top must be a percentage between 0 and 100, got " + keepTop);
        }
        CamMath.Aggregation aggregation = switch (aggregate.toLowerCase(Locale.ROOT)) {
            case "mean" -> CamMath.Aggregation.MEAN;
            case "max" -> CamMath.Aggregation.MAX;
            default -> throw new UsageException("--aggregate must be mean or max, got '" + aggregate + "'");
        };
        return new CamRequest(method(), layers, targetKinds(), classes, perDetection, eigenSmooth, augSmooth,
                aggregation, keepTop, renormalize, new CamOptions(batchSize, seed));
    }

    /** The metrics stage that follows explain (or sweep): --metrics / --no-metrics, in passes of --batch-size. */
    MetricsStage metricsStage() {
        return new MetricsStage(metricSet(), batchSize);
    }

    private MetricSet metricSet() {
        MetricSet chosen;
        try {
            chosen = metrics == null ? MetricSet.cheap() : MetricSet.parse(metrics);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metrics must be cheap, all or none, got '" + metrics + "'");
        }
        if (noMetrics && !chosen.isEmpty() && metrics != null) {
            throw new UsageException("--no-metrics contradicts --metrics " + metrics);
        }
        return noMetrics ? MetricSet.none() : chosen;
    }

    static String methodList() {
        StringBuilder sb = new StringBuilder();
        for (CamMethod m : CamMethods.all()) {
            String aliases = m.aliases().isEmpty() ? "" : " (also " + String.join(", ", m.aliases()) + ")";
            sb.append(String.format(Locale.ROOT, "  %-20s %s%s%s%n", m.name(),
                    m.usesGradients() ? "[gradient] " : "[no gradient] ", m.summary(), aliases));
        }
        return sb.toString();
    }
}
