package dev.yolocam.metrics;

import dev.yolocam.cam.CamMap;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.cam.MapScoring;
import dev.yolocam.cam.SweepResult;
import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faithfulness metrics, a stage after explain: every map of the results gets the chosen metrics, each measured
 * with the map's own target ({@link CamMap#scoring()}), their entries in the metrics' order. The maps of one call
 * share forward passes where a metric allows: the confidence change scores the masked images of all of them in
 * passes of as many images as there are results (the images the engine explained together).
 */
public final class MetricsStage {
    private final MetricSet metrics;
    private final int batchSize;

    /** @param batchSize perturbed copies of one image per forward pass (ROAD, deletion / insertion) */
    public MetricsStage(MetricSet metrics, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.metrics = metrics;
        this.batchSize = batchSize;
    }

    /** The results, in the same order, with every map's metrics. */
    public List<ExplainResult> measure(List<ExplainResult> results) {
        List<List<CamMap>> maps = withMetrics(results.stream().map(ExplainResult::detections).toList(),
                results.stream().map(ExplainResult::maps).toList());
        List<ExplainResult> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            out.add(results.get(i).withMaps(maps.get(i)));
        }
        return out;
    }

    /** The sweep with every layer's map measured; they share no passes (one image, many layers). */
    public SweepResult measure(SweepResult result) {
        List<CamMap> maps = withMetrics(List.of(result.detections()), List.of(result.maps())).get(0);
        return new SweepResult(result.detections(), maps, result.noDetections());
    }

    /** The chosen metrics of one map on its own. */
    public Map<String, Double> measure(MetricSubject map) {
        return entries(MetricBatch.of(map, batchSize)).get(0);
    }

    /** The maps of each image ({@code maps.get(i)} of {@code detections.get(i)}) with their metrics. */
    private List<List<CamMap>> withMetrics(List<DetectionResult> detections, List<List<CamMap>> maps) {
        if (metrics.isEmpty()) {
            return maps;
        }
        List<CamMap> all = new ArrayList<>();
        List<MetricSubject> subjects = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            for (CamMap map : maps.get(i)) {
                all.add(map);
                subjects.add(subject(map, detections.get(i)));
            }
        }
        List<MapScoring> owners = all.stream().map(CamMap::scoring).toList();
        int passSize = detections.size();
        List<Map<String, Double>> measured = entries(new MetricBatch(subjects, batchSize,
                inputs -> MapScoring.scoreEach(owners, inputs, passSize)));
        List<List<CamMap>> out = new ArrayList<>();
        int next = 0;
        for (List<CamMap> image : maps) {
            List<CamMap> withMetrics = new ArrayList<>();
            for (CamMap map : image) {
                withMetrics.add(map.withMetrics(measured.get(next++)));
            }
            out.add(withMetrics);
        }
        return out;
    }

    /** Each map's entries of every chosen metric, in the metrics' order. */
    private List<Map<String, Double>> entries(MetricBatch batch) {
        List<Map<String, Double>> out = new ArrayList<>();
        batch.maps().forEach(m -> out.add(new LinkedHashMap<>()));
        for (Metric metric : metrics.included()) {
            List<Map<String, Double>> entries = metric.measure(batch);
            for (int i = 0; i < out.size(); i++) {
                out.get(i).putAll(entries.get(i));
            }
        }
        return out;
    }

    private static MetricSubject subject(CamMap map, DetectionResult detections) {
        List<Detection> others = detections.inInput().stream().filter(d -> !map.explained().contains(d)).toList();
        return new MetricSubject(map.input(), map.scoring(), map.explained(), others,
                () -> LabelledMap.forImage(detections.image(), map.original(), map.originalHeight(),
                        map.originalWidth()));
    }
}
