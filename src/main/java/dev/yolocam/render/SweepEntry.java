package dev.yolocam.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One layer's card on the sweep page.
 *
 * @param layerPath  the module path, e.g. {@code model.17.cv3.conv}
 * @param layerClass the module type, e.g. {@code Conv2d}
 * @param shape      the activation shape as text, e.g. {@code 1x128x40x40}
 * @param imageFile  the full-size overlay PNG, relative to the page's directory
 * @param metrics    named numbers shown in the card's table, in this map's iteration order (copied)
 * @param rank       the layer's place in {@code sweep --rank}'s ranking, or {@code null} when not ranked
 */
public record SweepEntry(String layerPath, String layerClass, String shape, String imageFile,
                         Map<String, Double> metrics, Rank rank) {
    /**
     * A layer's place among the ranked layers of its page.
     *
     * @param place 1 for the recommended layer
     * @param score its faithfulness score ({@code dev.yolocam.metrics.LayerRanking})
     */
    public record Rank(int place, double score) {
        public Rank {
            if (place < 1) {
                throw new IllegalArgumentException("place must be >= 1, got " + place);
            }
        }
    }

    public SweepEntry {
        Objects.requireNonNull(layerPath, "layerPath");
        Objects.requireNonNull(layerClass, "layerClass");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(imageFile, "imageFile");
        Map<String, Double> copy = new LinkedHashMap<>();
        metrics.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "metric name"),
                Objects.requireNonNull(value, () -> "metric " + name)));
        metrics = Collections.unmodifiableMap(copy);
    }
}
