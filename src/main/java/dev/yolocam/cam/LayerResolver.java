package dev.yolocam.cam;

import dev.yolocam.detect.InputSize;
import dev.yolocam.graph.LayerInfo;
import dev.yolocam.model.YoloModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which layers to explain. A layer is named by a module path ({@code model.2.m.0.cv1.act}, as the layer table
 * lists them), or by an integer index into the top-level block list, negative counting from the end like Python
 * ({@code -2}: the last block before Detect); none named means the Detect inputs, one per level. An unknown path
 * fails with the nearest paths; a layer whose output is not a feature map (N, C, H, W), such as the Detect module
 * itself, fails with the layers to use instead. Both are {@link LayerChoiceException}s, found before any image is
 * read.
 */
public final class LayerResolver {
    private final List<LayerInfo> layers;
    private final List<LayerInfo> topLevel;
    private final List<String> detectInputs;

    /**
     * @param layers       the layer table of a graph of the model
     * @param detectInputs the module paths feeding Detect (the suggestion for a layer that cannot be explained)
     */
    public LayerResolver(List<LayerInfo> layers, List<String> detectInputs) {
        this.layers = layers;
        this.topLevel = layers.stream().filter(l -> l.topLevelIndex() >= 0)
                .sorted(Comparator.comparingInt(LayerInfo::topLevelIndex)).toList();
        this.detectInputs = List.copyOf(detectInputs);
    }

    /**
     * The layers to explain on {@code model}: {@code requested} resolved, or the Detect inputs when it is empty.
     * Layer names and the ranks of their shapes do not depend on the input size; {@code size} picks the graph whose
     * layer table is read (one the caller builds anyway).
     */
    public static List<String> choose(YoloModel model, InputSize size, List<String> requested) {
        List<String> detectInputs = model.description().detectInputs();
        if (requested.isEmpty()) {
            return detectInputs;
        }
        return new LayerResolver(model.graph(size.forwardSpec()).layers(), detectInputs).resolve(requested);
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
        LayerInfo layer = find(text);
        if (layer.shape().length != 4) {
            throw new LayerChoiceException(text, whyNotAFeatureMap(layer), detectInputShortcuts());
        }
        return layer.path();
    }

    private LayerInfo find(String text) {
        if (text.matches("-?\\d+")) {
            int n = topLevel.size();
            long index = parseOrOutOfRange(text, n);
            long i = index < 0 ? n + index : index;
            if (i < 0 || i >= n) {
                throw new LayerChoiceException(text, "the model has " + n + " top-level blocks (indices 0.."
                        + (n - 1) + " or -" + n + "..-1)", List.of());
            }
            return topLevel.get((int) i);
        }
        String path = text.startsWith("model.model.") ? text.substring("model.".length()) : text;
        for (LayerInfo layer : layers) {
            if (layer.path().equals(path)) {
                return layer;
            }
        }
        throw new LayerChoiceException(text, "no such layer; nearest: " + String.join(", ", nearest(path, 3)),
                List.of());
    }

    /** An index too long for a long is out of range like any other. */
    private static long parseOrOutOfRange(String text, int n) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text.startsWith("-") ? -n - 1L : n;
        }
    }

    private String whyNotAFeatureMap(LayerInfo layer) {
        String shape = Arrays.toString(layer.shape());
        boolean isOutput = !topLevel.isEmpty() && topLevel.get(topLevel.size() - 1).path().equals(layer.path());
        return isOutput
                ? "that is the " + layer.simpleClass() + " module, whose output " + shape + " is the table of "
                        + "predictions, not a feature map"
                : "its output " + shape + " is not a feature map [N, C, H, W]";
    }

    /** The Detect inputs as a user would type them: top-level indices where they are top-level blocks. */
    private List<String> detectInputShortcuts() {
        List<String> shortcuts = new ArrayList<>();
        for (String path : detectInputs) {
            shortcuts.add(topLevel.stream().filter(l -> l.path().equals(path)).findFirst()
                    .map(l -> Integer.toString(l.topLevelIndex())).orElse(path));
        }
        return shortcuts;
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
