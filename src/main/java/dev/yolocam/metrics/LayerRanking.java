package dev.yolocam.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which layer's map to trust: the layers of a sweep ranked by a faithfulness score of their maps, best first. The
 * score of one map is
 * <pre>
 *   (insertion_auc - deletion_auc) x own_box_mass      own_box_mass only when the map explains detections
 * </pre>
 * The first factor is the causal margin of the map's pixel order ({@link DeletionInsertion}): how much sooner the
 * target comes back when its most relevant pixels are put back than it collapses when they are removed; 1 at best,
 * 0 for an order no better than its reverse. The second is the share of the map's mass in the explained detections'
 * boxes ({@link BoxMass}). A product, so that a layer must be good at both: a map of a few pixels on an object's
 * edge has all its mass in the box but a deletion curve no better than chance, and a map that moves the target but
 * lies beside the objects explains something else. The areas are relative to the target on the image, so the margin
 * can leave [-1, 1] when removing pixels raises the target. Layers of equal score keep the sweep's order; a score
 * that is not a number ranks last. Over several images, a layer's score is the mean of its scores on each.
 */
public final class LayerRanking {
    /** The metrics the score reads: 32 forward passes per map for the curves, none for the box mass. */
    public static final MetricSet METRICS = new MetricSet(List.of(DeletionInsertion.defaults(), new BoxMass()));

    private LayerRanking() {
    }

    /**
     * One ranked layer.
     *
     * @param terms the score's terms by metric name ({@code insertion_auc}, {@code deletion_auc} as measured, and
     *              {@code own_box_mass} when present)
     */
    public record Ranked(String layer, double score, Map<String, Double> terms) {
        public Ranked {
            terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        }
    }

    /**
     * The layers ranked by their maps' metrics, best first.
     *
     * @param metrics the metrics of each layer's map, in the order of {@code layers}; each must hold the entries of
     *                {@link #METRICS}
     */
    public static List<Ranked> rank(List<String> layers, List<Map<String, Double>> metrics) {
        if (layers.size() != metrics.size()) {
            throw new IllegalArgumentException(layers.size() + " layers but " + metrics.size() + " maps");
        }
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Double> terms = terms(metrics.get(i));
            out.add(new Ranked(layers.get(i), score(terms), terms));
        }
        return sorted(out);
    }

    /** The rankings of several images as one: each layer's score and terms averaged over the images. */
    public static List<Ranked> combine(List<List<Ranked>> rankings) {
        Map<String, List<Ranked>> byLayer = new LinkedHashMap<>();
        for (List<Ranked> ranking : rankings) {
            for (Ranked r : ranking) {
                byLayer.computeIfAbsent(r.layer(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Ranked> out = new ArrayList<>();
        byLayer.forEach((layer, ranked) -> {
            Map<String, Double> terms = new LinkedHashMap<>();
            ranked.get(0).terms().keySet().stream().filter(k -> ranked.stream().allMatch(r -> r.terms().containsKey(k)))
                    .forEach(k -> terms.put(k, ranked.stream().mapToDouble(r -> r.terms().get(k)).average()
                            .orElseThrow()));
            out.add(new Ranked(layer, ranked.stream().mapToDouble(Ranked::score).average().orElseThrow(), terms));
        });
        return sorted(out);
    }

    private static double score(Map<String, Double> terms) {
        double margin = terms.get("insertion_auc") - terms.get("deletion_auc");
        return margin * terms.getOrDefault("own_box_mass", 1.0);
    }

    private static Map<String, Double> terms(Map<String, Double> metrics) {
        Map<String, Double> terms = new LinkedHashMap<>();
        for (String name : List.of("insertion_auc", "deletion_auc", "own_box_mass")) {
            Double value = metrics.get(name);
            if (value != null) {
                terms.put(name, value);
            } else if (!name.equals("own_box_mass")) {
                throw new IllegalArgumentException("the layer score needs " + name + "; measure "
                        + "LayerRanking.METRICS first");
            }
        }
        return terms;
    }

    private static List<Ranked> sorted(List<Ranked> ranked) {
        List<Ranked> out = new ArrayList<>(ranked);
        // A score that is not a number ranks last.
        out.sort(Comparator.comparingDouble((Ranked r) -> Double.isNaN(r.score()) ? Double.NEGATIVE_INFINITY
                : r.score()).reversed());
        return List.copyOf(out);
    }
}
