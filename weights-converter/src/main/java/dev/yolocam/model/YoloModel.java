package dev.yolocam.model;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.graph.GraphBuilder;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.ModelDescription;
import dev.yolocam.graph.YoloGraph;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded YOLOv5 model: its description (module tree, class names, Detect head) and the SameDiff graphs built
 * from it so far. A graph is tied to one input shape and one set of gradient taps; graphs are built on first use
 * and kept (the few most recent), so a run over many images builds each graph, and its gradient function, once.
 */
public final class YoloModel {
    /** Enough for explain on one input shape: the layer table, gradient and confidence-change graphs at 1 and N. */
    private static final int GRAPHS_KEPT = 6;

    private final ModelDescription description;
    private final Map<GraphSpec, YoloGraph> graphs = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GraphSpec, YoloGraph> eldest) {
            return size() > GRAPHS_KEPT;
        }
    };

    public YoloModel(ModelDescription description) {
        this.description = description;
    }

    public ModelDescription description() {
        return description;
    }

    public Path source() {
        return description.source();
    }

    public List<String> classNames() {
        return description.classNames();
    }

    /** Input sizes must be multiples of this (the largest Detect stride, at least 32). */
    public int stride() {
        return description.stride();
    }

    /**
     * The graph for {@code spec}, built on first use. A model whose attributes make no sense (a stride of 0,
     * layers whose shapes do not fit together) fails with an {@link UnsupportedModelException}, like any other
     * model yolocam cannot rebuild.
     */
    public synchronized YoloGraph graph(GraphSpec spec) {
        YoloGraph graph = graphs.get(spec);
        if (graph == null) {
            graph = build(spec);
            graphs.put(spec, graph);
        }
        return graph;
    }

    /**
     * The per-channel bias the module producing {@code layer} adds as its last op ({@link YoloGraph#outputBias}):
     * every graph of the model records the same ones, so any built graph answers; the smallest is built when none
     * has been yet.
     */
    public synchronized Optional<float[]> outputBias(String layer) {
        YoloGraph any = graphs.isEmpty() ? graph(GraphSpec.forward(stride(), stride()))
                : graphs.values().iterator().next();
        return any.outputBias(layer);
    }

    private YoloGraph build(GraphSpec spec) {
        return ModelFailures.guard(source(), "build the model graph", () -> GraphBuilder.build(description, spec));
    }

    /** Adds an already built graph (a converted model ships one for its input size). */
    public synchronized void offer(YoloGraph graph) {
        graphs.put(graph.spec(), graph);
    }
}
