package dev.yolocam.metrics;

import java.util.List;
import java.util.Map;

/** A metric that measures each map on its own; its forward passes batch copies of that one map's image. */
public interface PerMapMetric extends Metric {
    /**
     * The metric's entries for one map.
     *
     * @param batchSize perturbed copies of the image per forward pass
     */
    Map<String, Double> measure(MetricSubject map, int batchSize);

    @Override
    default List<Map<String, Double>> measure(MetricBatch batch) {
        return batch.maps().stream().map(m -> measure(m, batch.batchSize())).toList();
    }
}
