package dev.yolocam.cli;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.MapProgress;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.cam.LayerResolver;
import dev.yolocam.cam.SweepResult;
import dev.yolocam.cam.WholeModelCam;
import dev.yolocam.detect.PictureReader;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.errors.UsageException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.graph.LayerInfo;
import dev.yolocam.metrics.LayerRanking;
import dev.yolocam.metrics.MetricsStage;
import dev.yolocam.model.MemoryPolicy;
import dev.yolocam.render.output.ExplainedPicture;
import dev.yolocam.render.output.Output;
import dev.yolocam.render.output.OutputSelection;
import dev.yolocam.render.output.Outputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

    @Option(names = "--misses",
            description = "Hold the detections against each image's YOLO label file (<stem>.txt beside it, or "
                    + "YOLOv5's labels/ folder): explain every labelled object that no kept detection of its class "
                    + "matches at IoU 0.5 - why (below_conf, nms, wrong_class, no_candidate) and a map of its best "
                    + "prediction row - and mark detections that match no label as false positives.")
    boolean misses;

    @Option(names = "--save", split = ",", paramLabel = "WHAT", defaultValue = "overlay,boxes,json,misses",
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
        if (layers.best() && cam.method() instanceof WholeModelCam) {
            throw new UsageException("--layer best: " + cam.method().name() + " combines layers of its own choosing "
                    + "into one map, so there is no layer to pick");
        }
        int imagesPerPass = pass.imagesPerPass();
        PrintWriter err = spec.commandLine().getErr();
        try (ImageSession session = ImageSession.open(source.arguments(), video.vidStride(), model, nms, output, run,
                err, "explain")) {
            return explain(session, imagesPerPass, err);
        }
    }

    private int explain(ImageSession session, int imagesPerPass, PrintWriter err) {
        List<String> chosenLayers = layers.best() ? List.of(bestLayer(session, err))
                : LayerResolver.choose(session.model(), session.detector().inputSize(), layers.requested());
        CamRequest request = cam.request(chosenLayers, session.selectedClasses()).toBuilder().misses(misses).build();
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
        Set<Path> unlabelled = ConcurrentHashMap.newKeySet();
        return session.run(err, run, ImageRun.Product.MAPS, imagesPerPass,
                batch -> metrics.measure(engine.explain(batch)), (picture, result) -> {
                    warnAboutEmptyMaps(picture, result, warned);
                    warnAboutMissingLabels(picture, result, unlabelled);
                    outputs.write(new ExplainedPicture(picture, result, session.out().path(), className, outputs));
                    return new ImageRun.Counts(result.detections().inOriginal().size(), result.maps().size());
                }, outputs.drawsVideo() ? result -> ExplainedPicture.videoFrame(result, className) : null);
    }

    /** --misses on a picture without a label file: say so once per file, and go on. */
    private void warnAboutMissingLabels(SourceImage picture, ExplainResult result, Set<Path> warned) {
        if (!misses || result.labels() != null || run.quiet() || !warned.add(picture.file())) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("yolocam: " + picture.label() + ": warning: no YOLO label file (" + "<stem>.txt beside it or in "
                + "a labels/ folder beside images/), so --misses has nothing to hold its detections against");
        err.flush();
    }

    /**
     * {@code --layer best}: every top-level block swept on the first picture of the first SOURCE file and ranked as
     * {@code sweep --rank} ranks them ({@link LayerRanking}); the winner. One picture keeps the cost to one sweep:
     * its deletion/insertion curves take 32 forward passes per layer.
     */
    private String bestLayer(ImageSession session, PrintWriter err) {
        List<LayerInfo> candidates = LayerSweep.select(session, null);
        CamEngine sweeper = new CamEngine(session.detector(), cam.request(
                candidates.stream().map(LayerInfo::path).toList(), session.selectedClasses()));
        Path first = session.files().get(0);
        SourceImage picture;
        try (PictureReader reader = PictureReader.open(first, video.vidStride())) {
            picture = reader.next();
        }
        if (picture == null) {
            throw new YolocamException(first, "--layer best: no picture to rank the layers on");
        }
        SweepResult measured = cam.stageOf(LayerRanking.METRICS)
                .measure(sweeper.sweep(session.detector().prepare(picture)));
        List<LayerRanking.Ranked> ranking = LayerSweep.rank(measured, candidates);
        if (ranking.isEmpty()) {
            throw new YolocamException(first, "--layer best ranks the layers on this first picture, which has no "
                    + "detections; lower --conf, or name the layer");
        }
        LayerRanking.Ranked best = ranking.get(0);
        if (!run.quiet()) {
            err.printf(Locale.ROOT, "yolocam: --layer best: %s (faithfulness score %.4f, the best of %d layers on "
                    + "%s)%n", best.layer(), best.score(), ranking.size(), picture.stem());
            err.flush();
        }
        return best.layer();
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
