package dev.yolocam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.io.AtomicFiles;
import dev.yolocam.io.OutputDirectory;
import dev.yolocam.render.BoxPainter;
import dev.yolocam.render.DetectionJson;
import dev.yolocam.render.Images;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam detect}: YOLOv5's detect.py, writing {@code <stem>.json} and an annotated {@code <stem>.png}. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect objects like YOLOv5's detect.py.",
            "Writes <stem>.json (boxes in original-image pixels, sorted by confidence) and an annotated <stem>.png; "
                + "for a video <stem>_<frame>.json per frame and an annotated <stem>.mp4."})
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
    VideoOptions video;
    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        int imagesPerPass = pass.imagesPerPass();
        PrintWriter err = spec.commandLine().getErr();
        try (ImageSession session = ImageSession.open(source.arguments(), video.vidStride(), model, nms, output, run,
                err, "detect")) {
            IntFunction<String> className = session.model().description()::className;
            return session.run(err, run, ImageRun.Product.DETECTIONS, imagesPerPass, session.detector()::detect,
                    (picture, result) -> write(session.out(), className, picture, result),
                    result -> annotated(result, className));
        }
    }

    /** {@code <stem>.json}, and for an image the annotated {@code <stem>.png} (a video frame's goes into the video). */
    private static ImageRun.Counts write(OutputDirectory out, IntFunction<String> className, SourceImage picture,
                                         DetectionResult result) {
        String stem = picture.stem();
        AtomicFiles.write(out.resolve(stem + ".json"),
                stream -> JSON.writeValue(stream, DetectionJson.of(picture, result, className)));
        if (!picture.isVideoFrame()) {
            Images.writePng(out.resolve(stem + ".png"), annotated(result, className));
        }
        return new ImageRun.Counts(result.inOriginal().size(), 0);
    }

    /** The picture with its boxes and labels drawn. */
    private static BufferedImage annotated(DetectionResult result, IntFunction<String> className) {
        BufferedImage annotated = Images.toBuffered(result.original());
        BoxPainter.draw(annotated, result.inOriginal(), className);
        return annotated;
    }
}
