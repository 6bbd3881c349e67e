package dev.yolocam.cam;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which faithfulness metrics {@link Faithfulness} computes for each map; they differ a lot in cost.
 *
 * @param included the metrics to compute (copied)
 */
public record MetricSet(Set<Metric> included) {
    /** One metric family and what it costs per map. */
    public enum Metric {
        /** CamMultImageConfidenceChange: 1 forward pass. */
        CONFIDENCE_CHANGE,
        /** ROAD most and least relevant first: 2 forward passes and 2 imputations per percentage (8 by default). */
        ROAD,
        /** Deletion and insertion AUC: 2 forward passes per step (32 by default). */
        DELETION_INSERTION,
        /** Energy-based pointing game: no forward pass; needs the image's YOLO label file. */
        POINTING_GAME
    }

    public MetricSet {
        included = Set.copyOf(included);
    }

    /** No metrics. */
    public static MetricSet none() {
        return new MetricSet(Set.of());
    }

    /** The default: the confidence change only. */
    public static MetricSet cheap() {
        return new MetricSet(Set.of(Metric.CONFIDENCE_CHANGE));
    }

    /** Every metric. */
    public static MetricSet all() {
        return new MetricSet(EnumSet.allOf(Metric.class));
    }

    /** {@code none}, {@code cheap} or {@code all}, case-insensitive. */
    public static MetricSet parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> none();
            case "cheap" -> cheap();
            case "all" -> all();
            default -> throw new IllegalArgumentException("metrics must be cheap, all or none, got '" + name + "'");
        };
    }

    public boolean includes(Metric metric) {
        return included.contains(metric);
    }

    /** The same set without {@code metric}. */
    public MetricSet without(Metric metric) {
        Set<Metric> rest = EnumSet.noneOf(Metric.class);
        rest.addAll(included);
        rest.remove(metric);
        return new MetricSet(rest);
    }

    public boolean isEmpty() {
        return included.isEmpty();
    }
}
