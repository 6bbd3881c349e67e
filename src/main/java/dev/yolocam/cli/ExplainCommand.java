package dev.yolocam.cli;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.cam.LayerResolver;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.errors.UsageException;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.metrics.MetricsStage;
import dev.yolocam.model.YoloModel;
import dev.yolocam.render.ExplainWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam explain}: where the detector looks, for these detections, at these layers. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw class-activation maps (Grad-CAM and its family) for YOLOv5 detections.",
            "With no arguments: the embedded shapes model on its sample images."})
public final class ExplainCommand implements Callable<Integer> {
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
    PassOptions pass;
    @Mixin
    VideoOptions video;
    @Mixin
    RunOptions run;

    @Option(names = {"-l", "--layer"}, paramLabel = "PATH|INDEX",
            description = "Target layer: a module path from 'yolocam layers' (model.2.m.0.cv1.act) or a top-level "
                    + "index (-2 = last block before Detect, the YOLOv5 explainer's default). Repeatable: maps are "
                    + "aggregated. Default: the Detect inputs, one per level (17, 20, 23 in YOLOv5s), so that small "
                    + "and large objects are both explained.")
    List<String> layers;

    @Option(names = "--save", split = ",", paramLabel = "WHAT",
            description = "Files to write: overlay, heatmap, boxes, concat, npy, json. Default: overlay,boxes,json.")
    List<String> save;

    @Override
    public Integer call() {
        if (cam.wantsMethodList()) {
            spec.commandLine().getOut().print(CamOptionsMixin.methodList());
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        Set<ExplainWriter.Artifact> artifacts = artifacts();
        int imagesPerPass = pass.imagesPerPass();
        PrintWriter err = spec.commandLine().getErr();
        try (ImageSession session = ImageSession.open(source.arguments(), video.vidStride(), model, nms, output, run,
                err, "explain")) {
            return explain(session, artifacts, imagesPerPass, err);
        }
    }

    private int explain(ImageSession session, Set<ExplainWriter.Artifact> artifacts, int imagesPerPass,
                        PrintWriter err) {
        YoloModel yolo = session.model();
        CamEngine engine = new CamEngine(session.detector(), cam.request(resolveLayers(session),
                session.selectedClasses()));
        MetricsStage metrics = cam.metricsStage();
        ExplainWriter writer = new ExplainWriter(session.out()::resolve, artifacts, yolo.description()::className);
        if (engine.request().perDetection() && !engine.request().method().usesTarget()) {
            run.warn(err, engine.request().method().name() + " does not depend on the target, so --per-detection "
                    + "gives every detection the same map (their boxes pictures and metrics still differ); a "
                    + "gradient method such as GradCAM gives each detection a map of its own");
        }
        // Per-detection and aug-smooth maps need passes of their own per image: batching would not pay there.
        if (engine.request().perDetection() || engine.request().augSmooth()) {
            imagesPerPass = 1;
        }
        Set<Path> warned = ConcurrentHashMap.newKeySet();
        return session.run(err, run, ImageRun.Product.MAPS, imagesPerPass,
                batch -> metrics.measure(engine.explain(batch)), (picture, result) -> {
                    warnAboutEmptyMaps(picture, result, warned);
                    int maps = writer.write(picture, result);
                    return new ImageRun.Counts(result.detections().inOriginal().size(), maps);
                }, writer.drawsPictures() ? writer::videoFrame : null);
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

    /** Layer names come from the forward graph's table (the same names every graph of the model has). */
    private List<String> resolveLayers(ImageSession session) {
        YoloModel yolo = session.model();
        if (layers == null) {
            return yolo.description().detectInputs();
        }
        GraphSpec forward = GraphSpec.forward(session.detector().requestedHeight(),
                session.detector().requestedWidth());
        return new LayerResolver(yolo.graph(forward).layers(), yolo.description().detectInputs()).resolve(layers);
    }

    private Set<ExplainWriter.Artifact> artifacts() {
        Set<ExplainWriter.Artifact> out = EnumSet.noneOf(ExplainWriter.Artifact.class);
        for (String s : save == null ? List.of("overlay", "boxes", "json") : save) {
            try {
                out.add(ExplainWriter.Artifact.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--save: unknown output '" + s
                        + "'; use overlay, heatmap, boxes, concat, npy, json");
            }
        }
        return out;
    }
}
