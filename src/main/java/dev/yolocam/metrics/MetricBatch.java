package dev.yolocam.metrics;

import java.util.List;
import java.util.function.Function;

/**
 * The maps measured together (those of one explained batch of images) and how their inputs share forward passes.
 */
public final class MetricBatch {
    private final List<MetricSubject> maps;
    private final int batchSize;
    private final Function<List<float[]>, double[]> onePerMap;

    /**
     * @param batchSize perturbed copies of one image per forward pass, for {@link PerMapMetric}s
     * @param onePerMap scores {@code inputs.get(i)} under map i's target, inputs of all maps sharing passes
     */
    MetricBatch(List<MetricSubject> maps, int batchSize, Function<List<float[]>, double[]> onePerMap) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.maps = List.copyOf(maps);
        this.batchSize = batchSize;
        this.onePerMap = onePerMap;
    }

    /** One map on its own: its one input per pass, scored by its own {@link MetricSubject#scoring()}. */
    public static MetricBatch of(MetricSubject map, int batchSize) {
        return new MetricBatch(List.of(map), batchSize, inputs -> map.scoring().scoreInputs(inputs, 1));
    }

    public List<MetricSubject> maps() {
        return maps;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The target score of one input per map, {@code inputs.get(i)} under map i's target, in shared passes. */
    public double[] scoreOnePerMap(List<float[]> inputs) {
        if (inputs.size() != maps.size()) {
            throw new IllegalArgumentException(inputs.size() + " inputs for " + maps.size() + " maps");
        }
        return onePerMap.apply(inputs);
    }
}
