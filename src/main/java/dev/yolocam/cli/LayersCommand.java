package dev.yolocam.cli;

import dev.yolocam.graph.LayerInfo;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.model.YoloModel;
import java.io.PrintWriter;
import dev.yolocam.torch.ModuleNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam layers}: every module path a CAM can target, with class, output shape and parameter count. */
@Command(name = "layers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List every layer (module path) of the model with its class, output shape and parameters.",
            "Top-level blocks show their index and negative index: both work as --layer shortcuts "
                + "(--layer -2 is the last block before Detect)."})
public final class LayersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions model;
    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        YoloModel yolo = model.load();
        YoloGraph graph = yolo.graph(model.inputSize(yolo, run, spec.commandLine().getErr()).forwardSpec());
        print(graph, spec.commandLine().getOut());
        return Main.OK;
    }

    static void print(YoloGraph graph, PrintWriter out) {
        List<LayerInfo> layers = graph.layers();
        int blocks = graph.model().blocks().size();
        int pathWidth = layers.stream().mapToInt(l -> l.path().length() + 2 * l.depth()).max().orElse(10);
        out.printf(Locale.ROOT, "%-9s  %-" + pathWidth + "s  %-14s  %-22s  %s%n", "index", "path", "class",
                "output shape", "params");
        for (LayerInfo layer : ordered(graph)) {
            String index = layer.topLevelIndex() >= 0
                    ? String.format(Locale.ROOT, "%d|%d", layer.topLevelIndex(), layer.topLevelIndex() - blocks)
                    : "";
            String indented = "  ".repeat(layer.depth()) + layer.path();
            out.printf(Locale.ROOT, "%-9s  %-" + pathWidth + "s  %-14s  %-22s  %,d%n", index, indented,
                    layer.simpleClass(), Arrays.toString(layer.shape()), layer.parameters());
        }
        out.printf(Locale.ROOT, "%d layers (%d top-level blocks), input %s%n", layers.size(), blocks,
                Arrays.toString(new long[] {graph.spec().batch(), 3, graph.spec().height(), graph.spec().width()}));
        out.flush();
    }

    /** In the order print(model) shows modules: parents before children, children in registration order. */
    static List<LayerInfo> ordered(YoloGraph graph) {
        return ordered(graph.layers(), graph.model().root());
    }

    static List<LayerInfo> ordered(List<LayerInfo> layers, ModuleNode root) {
        Map<String, List<LayerInfo>> byModule = new LinkedHashMap<>();
        for (LayerInfo layer : layers) {
            String path = layer.path().contains("#") ? layer.path().substring(0, layer.path().indexOf('#'))
                    : layer.path();
            byModule.computeIfAbsent(path, k -> new ArrayList<>()).add(layer);
        }
        List<LayerInfo> out = new ArrayList<>();
        for (ModuleNode node : root.preOrder()) {
            out.addAll(byModule.getOrDefault(node.path(), List.of()));
        }
        return out;
    }
}
