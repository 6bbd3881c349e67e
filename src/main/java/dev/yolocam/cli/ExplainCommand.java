package dev.yolocam.cli;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.ExplainResult;
import dev.yolocam.cam.LayerResolver;
import dev.yolocam.detect.Letterbox;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.model.YoloModel;
import dev.yolocam.render.ExplainWriter;
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
import picocli.CommandLine.Parameters;
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

    @Option(names = "--source", paramLabel = "SOURCE", hidden = true,
            description = "YOLOv5-style spelling of a SOURCE argument.")
    List<String> sourceOption;

    @Parameters(paramLabel = "SOURCE", arity = "0..*",
            description = "Image or video files, directories, globs or .txt lists. A video's frames are explained "
                    + "one by one: <stem>_<frame>.json per frame and the annotated <stem>.mp4. Default: the "
                    + "embedded sample images.")
    List<String> sources;

    @Override
    public Integer call() {
        if (cam.wantsMethodList()) {
            spec.commandLine().getOut().print(CamOptionsMixin.methodList());
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        Set<ExplainWriter.Artifact> artifacts = artifacts();
        int imagesPerPass = pass.imagesPerPass();
        int vidStride = video.vidStride();
        ImageSession session = ImageSession.open(sourceArguments(), vidStride, model, nms, output, "explain");
        YoloModel yolo = session.model();
        CamEngine engine = new CamEngine(session.detector(), cam.request(resolveLayers(yolo),
                session.selectedClasses()));
        ExplainWriter writer = new ExplainWriter(session.out()::resolve, artifacts, yolo.description()::className);
        // Per-detection and aug-smooth maps need passes of their own per image: batching would not pay there.
        if (engine.request().perDetection() || engine.request().augSmooth()) {
            imagesPerPass = 1;
        }
        Set<Path> warned = ConcurrentHashMap.newKeySet();
        return session.run(spec.commandLine().getErr(), run, imagesPerPass, engine::explain, (picture, result) -> {
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
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("yolocam: " + picture.label() + ": warning: a map is all zero (the explained detections do not "
                + "depend on " + String.join(", ", result.maps().get(0).layers()) + " through positive evidence); try "
                + "the Detect inputs, e.g. --layer 17 --layer 20 --layer 23, or --per-detection");
        err.flush();
    }

    /** SOURCE arguments and --source values together; null (the embedded samples) when there are none. */
    private List<String> sourceArguments() {
        if (sourceOption != null || sources != null) {
            List<String> all = new java.util.ArrayList<>();
            if (sourceOption != null) {
                all.addAll(sourceOption);
            }
            if (sources != null) {
                all.addAll(sources);
            }
            return all;
        }
        return null;
    }

    /** Layer names come from the forward graph's table (the same names every graph of the model has). */
    private List<String> resolveLayers(YoloModel yolo) {
        int[] size = model.imgsz();
        int h = Letterbox.checkImgSize(size[0], yolo.stride());
        int w = Letterbox.checkImgSize(size.length > 1 ? size[1] : size[0], yolo.stride());
        LayerResolver resolver = new LayerResolver(yolo.graph(GraphSpec.forward(h, w)).layers());
        try {
            return layers == null ? yolo.description().detectInputs() : resolver.resolve(layers);
        } catch (dev.yolocam.errors.YolocamException e) {
            throw new UsageException(e.problem());
        }
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
