package dev.yolocam.cli;

import dev.yolocam.cam.LayerChoiceException;
import java.util.List;
import picocli.CommandLine.Option;

/** --layer: which layers explain and bench use; none given means the Detect inputs ({@code LayerResolver}). */
public final class LayerOptions {
    @Option(names = {"-l", "--layer"}, paramLabel = "PATH|INDEX",
            description = "Target layer: a module path from 'yolocam layers' (model.2.m.0.cv1.act) or a top-level "
                    + "index (-2 = last block before Detect, the YOLOv5 explainer's default). Repeatable: maps are "
                    + "aggregated. Default: the Detect inputs, one per level (17, 20, 23 in YOLOv5s; 15, 18, 21 in "
                    + "YOLOv8n), so that small and large objects are both explained.")
    List<String> layers;

    /** The layers given, in order; empty for the default. */
    List<String> requested() {
        return layers == null ? List.of() : List.copyOf(layers);
    }

    /** A layer the library refused, in the command line's words. */
    static String worded(LayerChoiceException e) {
        String instead = String.join(" ", e.instead().stream().map(layer -> "--layer " + layer).toList());
        return "yolocam: --layer " + e.requested() + ": " + e.reason() + (instead.isEmpty()
                ? " (see 'yolocam layers')" : "; explain the Detect inputs instead (the default): " + instead);
    }
}
