package dev.yolocam.cli;

import dev.yolocam.cam.LayerChoiceException;
import dev.yolocam.errors.UsageException;
import java.util.List;
import picocli.CommandLine.Option;

/** --layer: which layers explain and bench use; none given means the Detect inputs ({@code LayerResolver}). */
public final class LayerOptions {
    @Option(names = {"-l", "--layer"}, paramLabel = "PATH|INDEX",
            description = "Target layer: a module path from 'yolocam layers' (model.2.m.0.cv1.act) or a top-level "
                    + "index (-2 = last block before Detect, the YOLOv5 explainer's default), or 'best' (explain: "
                    + "rank every top-level block on the first picture as 'sweep --rank' does and use the winner). "
                    + "Repeatable: maps are aggregated. Default: the Detect inputs, one per level (17, 20, 23 in "
                    + "YOLOv5s; 15, 18, 21 in YOLOv8n), so that small and large objects are both explained.")
    List<String> layers;

    /** The value that asks explain to rank the layers first and use the winner. */
    static final String BEST = "best";

    /** Whether the layer is {@code best}, which stands alone. */
    boolean best() {
        if (layers == null || layers.stream().noneMatch(LayerOptions::isBest)) {
            return false;
        }
        if (layers.size() > 1) {
            throw new UsageException("--layer best picks one layer by ranking them all; give it alone, not with "
                    + String.join(", ", layers.stream().filter(l -> !isBest(l)).toList()));
        }
        return true;
    }

    /** The layers given, in order; empty for the default. {@code best} is refused: only explain ranks layers. */
    List<String> requested() {
        if (layers != null && layers.stream().anyMatch(LayerOptions::isBest)) {
            throw new UsageException("--layer best ranks the layers on the images, which only 'yolocam explain' "
                    + "does; name the layers by path or index here");
        }
        return layers == null ? List.of() : List.copyOf(layers);
    }

    private static boolean isBest(String layer) {
        return layer.strip().equalsIgnoreCase(BEST);
    }

    /** A layer the library refused, in the command line's words. */
    static String worded(LayerChoiceException e) {
        String instead = String.join(" ", e.instead().stream().map(layer -> "--layer " + layer).toList());
        return "yolocam: --layer " + e.requested() + ": " + e.reason() + (instead.isEmpty()
                ? " (see 'yolocam layers')" : "; explain the Detect inputs instead (the default): " + instead);
    }
}
