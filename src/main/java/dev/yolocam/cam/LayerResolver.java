package dev.yolocam.cam;

import dev.yolocam.errors.YolocamException;
import dev.yolocam.graph.LayerInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a user types after {@code --layer} into module paths: a path that {@code yolocam layers} lists
 * ({@code model.2.m.0.cv1.act}), or an integer index into the top-level block list, negative counting from the
 * end like Python ({@code -2}: the last block before Detect). An unknown path fails with the nearest paths.
 */
public final class LayerResolver {
    private final List<LayerInfo> layers;
    private final List<String> topLevel;

    public LayerResolver(List<LayerInfo> layers) {
        this.layers = layers;
        this.topLevel = layers.stream().filter(l -> l.topLevelIndex() >= 0)
                .sorted(Comparator.comparingInt(LayerInfo::topLevelIndex)).map(LayerInfo::path).toList();
    }

    public List<String> resolve(List<String> requested) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : requested) {
            out.add(resolve(r));
        }
        return new ArrayList<>(out);
    }

    public String resolve(String requested) {
        String text = requested.trim();
        if (text.matches("-?\\d+")) {
            int index = Integer.parseInt(text);
            int n = topLevel.size();
            int i = index < 0 ? n + index : index;
            if (i < 0 || i >= n) {
                throw new YolocamException(null, "--layer " + text + ": the model has " + n
                        + " top-level blocks (indices 0.." + (n - 1) + " or -" + n + "..-1)");
            }
            return topLevel.get(i);
        }
        String path = text.startsWith("model.model.") ? text.substring("model.".length()) : text;
        for (LayerInfo layer : layers) {
            if (layer.path().equals(path)) {
                return path;
            }
        }
        throw new YolocamException(null, "--layer " + text + ": no such layer; nearest: "
                + String.join(", ", nearest(path, 3)) + " (see 'yolocam layers')");
    }

    List<String> nearest(String path, int count) {
        return layers.stream().map(LayerInfo::path)
                .sorted(Comparator.comparingInt((String p) -> distance(p, path)).thenComparing(p -> p))
                .limit(count).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
