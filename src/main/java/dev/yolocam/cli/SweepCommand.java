package dev.yolocam.cli;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.WholeModelCam;
import dev.yolocam.errors.UsageException;
import dev.yolocam.graph.LayerInfo;
import dev.yolocam.io.Sources;
import dev.yolocam.metrics.MetricsStage;
import dev.yolocam.model.YoloModel;
import dev.yolocam.render.output.OutputSelection;
import dev.yolocam.render.output.Outputs;
import dev.yolocam.render.output.SweptPicture;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
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
        List<LayerInfo> layers = selectLayers(session);
        CamEngine engine = new CamEngine(session.detector(), cam.request(layers.stream().map(LayerInfo::path).toList(),
                session.selectedClasses()));
        MetricsStage metrics = cam.metricsStage();
        boolean single = session.files().size() == 1 && !Sources.isVideoName(session.files().get(0));
        OutputSelection<SweptPicture> outputs = OutputSelection.all(Outputs.SWEEP);
        String method = engine.request().method().name();
        IntFunction<String> className = session.model().description()::className;
        // A sweep taps every layer: one image per pass keeps its memory in bounds. A video is swept frame by frame
        // (a folder per frame), with no annotated copy.
        return session.run(err, run, ImageRun.Product.MAPS, 1,
                batch -> List.of(metrics.measure(engine.sweep(batch.get(0)))), (picture, result) -> {
                    Path folder = single ? session.out().path() : session.out().resolve(picture.stem());
                    outputs.write(new SweptPicture(picture, result, folder, layers, method, className));
                    return new ImageRun.Counts(result.detections().inOriginal().size(), result.maps().size());
                }, null);
    }

    private List<LayerInfo> selectLayers(ImageSession session) {
        YoloModel yolo = session.model();
        List<LayerInfo> all = yolo.graph(session.detector().inputSize().forwardSpec()).layers().stream()
                .filter(l -> l.shape().length == 4).toList();
        List<LayerInfo> chosen;
        if (layerGlob == null) {
            chosen = all.stream().filter(l -> l.topLevelIndex() >= 0)
                    .sorted((a, b) -> Integer.compare(a.topLevelIndex(), b.topLevelIndex())).toList();
        } else {
            Pattern pattern = globToRegex(layerGlob);
            chosen = LayersCommand.ordered(all, yolo.description().root()).stream()
                    .filter(l -> pattern.matcher(l.path()).matches()).toList();
        }
        if (chosen.isEmpty()) {
            throw new UsageException("--layers '" + layerGlob + "' matches no feature-map layer (see 'yolocam "
                    + "layers')");
        }
        return chosen;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
