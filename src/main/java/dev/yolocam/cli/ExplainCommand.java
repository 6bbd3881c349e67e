package dev.yolocam.cli;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.MapProgress;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.cam.LayerResolver;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.metrics.MetricsStage;
import dev.yolocam.model.MemoryPolicy;
import dev.yolocam.render.output.ExplainedPicture;
import dev.yolocam.render.output.Output;
import dev.yolocam.render.output.OutputSelection;
import dev.yolocam.render.output.Outputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam explain}: where the detector looks, for these detections, at these layers. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw class-activation maps (Grad-CAM and its family) for YOLOv5, YOLOv8 and YOLO11 detections.",
            "With no arguments: the embedded shapes model on its sample images."})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SourceOptions source;
    @Mixin
    ModelOptions model;
    @Mixin
    LayerOptions layers;
    @Mixin
    CamOptionsMixin cam;
    @Mixin
    NmsOptionsMixin nms;
    @Mixin
    OutputOptions output;
    @Mixin
    PassOptions pass;
    @Mixin
    VideoOptions video;
    @Mixin
    RunOptions run;

    @Option(names = "--save", split = ",", paramLabel = "WHAT", defaultValue = "overlay,boxes,json",
            converter = Saved.class, completionCandidates = Saved.class,
            description = "Files to write: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    List<Output<ExplainedPicture>> save;

    /** The names --save takes: every registered explain output. */
    static final class Saved extends Choice<Output<ExplainedPicture>> {
        Saved() {
            super(Outputs.EXPLAIN::all, Output::name);
        }
    }

    @Override
    public Integer call() {
        if (cam.method.listIfAsked(spec.commandLine().getOut())) {
            return Main.OK;
        }
        int imagesPerPass = pass.imagesPerPass();
        PrintWriter err = spec.commandLine().getErr();
        try (ImageSession session = ImageSession.open(source.arguments(), video.vidStride(), model, nms, output, run,
                err, "explain")) {
            return explain(session, imagesPerPass, err);
        }
    }

    private int explain(ImageSession session, int imagesPerPass, PrintWriter err) {
        List<String> chosenLayers = LayerResolver.choose(session.model(), session.detector().inputSize(),
                layers.requested());
        CamRequest request = cam.request(chosenLayers, session.selectedClasses());
        MapProgress progress = MaskProgressBar.of(request.method().name(), run.quiet());
        try {
            return explain(session, new CamEngine(session.detector(), request, MemoryPolicy.standard(), progress),
                    imagesPerPass, err);
        } finally {
            if (progress instanceof MaskProgressBar bar) {
                bar.close();
            }
        }
    }

    private int explain(ImageSession session, CamEngine engine, int imagesPerPass, PrintWriter err) {
        MetricsStage metrics = cam.metricsStage();
        if (engine.request().perDetection() && !engine.request().method().usesTarget()) {
            run.warn(err, engine.request().method().name() + " does not depend on the target, so --per-detection "
                    + "gives every detection the same map (their boxes pictures and metrics still differ); a "
                    + "gradient method such as GradCAM gives each detection a map of its own");
        }
        // Per-detection and aug-smooth maps need passes of their own per image: batching would not pay there.
        if (engine.request().perDetection() || engine.request().augSmooth()) {
            imagesPerPass = 1;
        }
        OutputSelection<ExplainedPicture> outputs = OutputSelection.of(Outputs.EXPLAIN, save);
        IntFunction<String> className = session.model().description()::className;
        Set<Path> warned = ConcurrentHashMap.newKeySet();
        return session.run(err, run, ImageRun.Product.MAPS, imagesPerPass,
                batch -> metrics.measure(engine.explain(batch)), (picture, result) -> {
                    warnAboutEmptyMaps(picture, result, warned);
                    outputs.write(new ExplainedPicture(picture, result, session.out().path(), className, outputs));
                    return new ImageRun.Counts(result.detections().inOriginal().size(), result.maps().size());
                }, outputs.drawsVideo() ? result -> ExplainedPicture.videoFrame(result, className) : null);
    }

    /**
     * An all-zero map is correct upstream behaviour, not a failure: the explained rows do not depend on the layer
     * (layer -2 feeds only the stride-32 Detect level) or the weighted sum is negative everywhere. Say so once per
     * file (a video: at its first such frame).
     */
    private void warnAboutEmptyMaps(SourceImage picture, ExplainResult result, Set<Path> warned) {
        if (run.quiet() || result.maps().stream().noneMatch(m -> m.max() == 0f) || !warned.add(picture.file())) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("yolocam: " + picture.label() + ": warning: a map is all zero (the explained detections do not "
                + "depend on " + String.join(", ", result.maps().get(0).layers()) + " through positive evidence); try "
                + "the Detect inputs, e.g. --layer 17 --layer 20 --layer 23, or --per-detection");
        err.flush();
    }
}
