package dev.yolocam.metrics;

import java.util.List;
import java.util.Map;

/**
 * One faithfulness metric: named numbers that say whether a map points at what the detector uses, computed with the
 * map's own target. A new metric is one class implementing this (or {@link PerMapMetric}, for a metric that looks
 * at one map at a time) and one line in {@link MetricSet}'s registry.
 */
public interface Metric {
    /** A short lower-case name, e.g. {@code road}. */
    String name();

    /** Whether {@code --metrics cheap}, the default, includes it: at most one forward pass per map. */
    boolean cheap();

    /**
     * The metric's entries for each map of the batch, in the batch's order; an empty map where it does not apply
     * (no label file, say). Entry names are stable: they are the JSON's.
     */
    List<Map<String, Double>> measure(MetricBatch batch);
}
