package dev.yolocam.cli;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.WholeModelCam;
import dev.yolocam.errors.UsageException;
import dev.yolocam.graph.LayerInfo;
import dev.yolocam.io.Sources;
import dev.yolocam.metrics.LayerRanking;
import dev.yolocam.metrics.LayerRanking.Ranked;
import dev.yolocam.metrics.MetricsStage;
import dev.yolocam.render.output.OutputSelection;
import dev.yolocam.render.output.Outputs;
import dev.yolocam.render.output.SweptPicture;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam sweep}: "which layer should I look at?" — one map per layer, a grid and a clickable page. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run one CAM method on every top-level layer (or every layer matching --layers) of one or "
                + "more images: one forward (+ one backward) per image gives every layer's map.",
            "Writes <stem>_sweep.png (a labelled grid), one overlay per layer, and index.html."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SourceOptions source;
    @Mixin
    ModelOptions model;
    @Mixin
    CamOptionsMixin cam;
    @Mixin
    NmsOptionsMixin nms;
    @Mixin
    OutputOptions output;
    @Mixin
    RunOptions run;

    @Option(names = "--layers", paramLabel = "GLOB",
            description = "Layers to sweep, as a glob over module paths ('*' = one path segment, '**' = any): "
                    + "e.g. 'model.*.cv3.act'. Default: every top-level block except Detect.")
    String layerGlob;

    @Option(names = "--rank",
            description = "Rank the layers by a faithfulness score of their maps: (insertion AUC - deletion AUC) "
                    + "x, when the map explains detections, the share of its mass in their boxes (1 is best). Prints the best three per picture (and over all pictures), marks the "
                    + "recommended layer in index.html. Adds the deletion/insertion metrics: 32 forward passes per "
                    + "layer.")
    boolean rank;

    @Override
    public Integer call() {
        if (cam.method() instanceof WholeModelCam) {
            throw new UsageException("--method " + cam.method().name() + " combines layers of its own choosing into "
                    + "one map, so there is nothing to sweep; use 'yolocam explain --method " + cam.method().name()
                    + "'");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (ImageSession session = ImageSession.open(source.arguments(), 1, model, nms, output, run, err, "sweep")) {
            return sweep(session, err);
        }
    }

    private int sweep(ImageSession session, PrintWriter err) {
        List<LayerInfo> layers = LayerSweep.select(session, layerGlob);
        CamEngine engine = new CamEngine(session.detector(), cam.request(layers.stream().map(LayerInfo::path).toList(),
                session.selectedClasses()));
        MetricsStage metrics = rank ? cam.metricsStage(LayerRanking.METRICS) : cam.metricsStage();
        boolean single = session.files().size() == 1 && !Sources.isVideoName(session.files().get(0));
        OutputSelection<SweptPicture> outputs = OutputSelection.all(Outputs.SWEEP);
        String method = engine.request().method().name();
        IntFunction<String> className = session.model().description()::className;
        PrintWriter out = spec.commandLine().getOut();
        List<List<Ranked>> rankings = Collections.synchronizedList(new ArrayList<>());
        // A sweep taps every layer: one image per pass keeps its memory in bounds. A video is swept frame by frame
        // (a folder per frame), with no annotated copy.
        int exit = session.run(err, run, ImageRun.Product.MAPS, 1,
                batch -> List.of(metrics.measure(engine.sweep(batch.get(0)))), (picture, result) -> {
                    Path folder = single ? session.out().path() : session.out().resolve(picture.stem());
                    List<Ranked> ranking = rank ? LayerSweep.rank(result, layers) : List.of();
                    outputs.write(new SweptPicture(picture, result, folder, layers, method, className, ranking));
                    if (rank) {
                        LayerSweep.print(out, picture.stem(), ranking);
                        if (!ranking.isEmpty()) {
                            rankings.add(ranking);
                        }
                    }
                    return new ImageRun.Counts(result.detections().inOriginal().size(), result.maps().size());
                }, null);
        if (rankings.size() > 1) {
            LayerSweep.print(out, "all " + rankings.size() + " pictures with detections",
                    LayerRanking.combine(rankings));
        }
        return exit;
    }
}
