package dev.yolocam.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Which faithfulness metrics to compute for each map; they differ a lot in cost. Every metric is registered here,
 * in the order of its entries in a map's metrics:
 * <ul>
 * <li>{@link ConfidenceChange}: one forward pass per map, shared by the maps of a batch;</li>
 * <li>{@link Road}: 2 forward passes and 2 imputations per percentage (8 by default);</li>
 * <li>{@link DeletionInsertion}: 2 forward passes per step (32 by default);</li>
 * <li>{@link PointingGame}: no forward pass; needs the image's YOLO label file;</li>
 * <li>{@link BoxMass}: no forward pass; the map's mass in its own and in the other detections' boxes.</li>
 * </ul>
 *
 * @param included the metrics to compute, in this order (copied)
 */
public record MetricSet(List<Metric> included) {
    /** Every metric, in the order of their entries. A new metric is one line here. */
    private static final List<Metric> REGISTERED = List.of(
            new ConfidenceChange(),
            Road.defaults(),
            DeletionInsertion.defaults(),
            new PointingGame(),
            new BoxMass());

    public MetricSet {
        included = List.copyOf(included);
    }

    /** No metrics. */
    public static MetricSet none() {
        return new MetricSet(List.of());
    }

    /** The default: the cheap metrics (the confidence change, the box masses). */
    public static MetricSet cheap() {
        return new MetricSet(REGISTERED.stream().filter(Metric::cheap).toList());
    }

    /** Every metric. */
    public static MetricSet all() {
        return new MetricSet(REGISTERED);
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

    /** These metrics, then those of {@code more} that are not among them (by name). */
    public MetricSet with(MetricSet more) {
        List<Metric> out = new java.util.ArrayList<>(included);
        more.included.stream().filter(m -> !includes(m.name())).forEach(out::add);
        return new MetricSet(out);
    }

    /** Whether the metric named {@code name} ({@link Metric#name()}) is included. */
    public boolean includes(String name) {
        return included.stream().anyMatch(m -> m.name().equals(name));
    }

    public boolean isEmpty() {
        return included.isEmpty();
    }
}
