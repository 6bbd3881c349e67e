package dev.yolocam.cli;

import dev.yolocam.render.output.DetectedPicture;
import dev.yolocam.render.output.OutputSelection;
import dev.yolocam.render.output.Outputs;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam detect}: YOLOv5's detect.py, writing {@code <stem>.json} and an annotated {@code <stem>.png}. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect objects as the model family's own predictor does (YOLOv5's detect.py, "
                + "Ultralytics' predict).",
            "Writes <stem>.json (boxes in original-image pixels, sorted by confidence) and an annotated <stem>.png; "
                + "for a video <stem>_<frame>.json per frame and an annotated <stem>.mp4."})
public final class DetectCommand implements Callable<Integer> {
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
            OutputSelection<DetectedPicture> outputs = OutputSelection.all(Outputs.DETECT);
            return session.run(err, run, ImageRun.Product.DETECTIONS, imagesPerPass, session.detector()::detect,
                    (picture, result) -> {
                        outputs.write(new DetectedPicture(picture, result, session.out().path(), className));
                        return new ImageRun.Counts(result.inOriginal().size(), 0);
                    }, result -> DetectedPicture.annotated(result, className));
        }
    }
}
