package dev.yolocam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.io.AtomicFiles;
import dev.yolocam.model.YoloModel;
import dev.yolocam.render.BoxPainter;
import dev.yolocam.render.DetectionJson;
import dev.yolocam.render.Images;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam detect}: YOLOv5's detect.py, writing {@code <stem>.json} and an annotated {@code <stem>.png}. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect objects like YOLOv5's detect.py.",
            "Writes <stem>.json (boxes in original-image pixels, sorted by confidence) and an annotated <stem>.png."})
public final class DetectCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;
    @Mixin
    SourceOptions source;
    @Mixin
    ModelOptions model;
    @Mixin
    NmsOptionsMixin nms;
    @Mixin
    OutputOptions output;
    @Mixin
    PassOptions pass;
    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        int imagesPerPass = pass.imagesPerPass();
        PrintWriter err = spec.commandLine().getErr();
        try (ImageSession session = ImageSession.open(source.arguments(), model, nms, output, run, err, "detect")) {
            YoloModel yolo = session.model();
            return session.run(err, run, ImageRun.Product.DETECTIONS, imagesPerPass, session.detector()::detect,
                    (image, result) -> write(session, yolo, image.path(), result));
        }
    }

    private static ImageRun.Counts write(ImageSession session, YoloModel yolo, Path image, DetectionResult result) {
        String stem = stem(image);
        AtomicFiles.write(session.out().resolve(stem + ".json"),
                stream -> JSON.writeValue(stream, DetectionJson.of(result, yolo.description()::className)));
        BufferedImage annotated = Images.toBuffered(result.original());
        BoxPainter.draw(annotated, result.inOriginal(), yolo.description()::className);
        Images.writePng(session.out().resolve(stem + ".png"), annotated);
        return new ImageRun.Counts(result.inOriginal().size(), 0);
    }

    static String stem(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
