package dev.yolocam.cli;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.detect.PictureReader;
import dev.yolocam.io.OutputDirectory;
import dev.yolocam.io.Sources;
import dev.yolocam.model.YoloModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What every image command (detect, explain, sweep) starts from: the expanded SOURCE files (images and videos),
 * how many frames of a video to step (--vid-stride), the model loaded once, a detector, and the run directory,
 * which is removed again if the run wrote nothing into it.
 */
record ImageSession(List<Path> files, int vidStride, YoloModel model, NmsOptions nms, Detector detector,
                    OutputDirectory out) {

    static ImageSession open(List<String> sources, int vidStride, ModelOptions modelOptions,
                             NmsOptionsMixin nmsOptions, OutputOptions outputOptions, String command) {
        List<Path> files = Sources.expand(sources != null ? sources : DefaultAssets.images());
        YoloModel model = modelOptions.load();
        NmsOptions nms = nmsOptions.toOptions(model.classNames());
        Detector detector = new Detector(model, modelOptions.imgsz(), nms);
        return new ImageSession(files, vidStride, model, nms, detector, outputOptions.choose(command));
    }

    /** The classes --classes selected, or none (= every class). */
    int[] selectedClasses() {
        return nms.classes() == null ? new int[0] : nms.classes();
    }

    /**
     * Runs {@code pass} over the pictures, {@code imagesPerPass} of one input shape at a time, then {@code writer};
     * {@code annotator} draws the frames of each video's annotated copy (null: no annotated videos).
     */
    <R> int run(PrintWriter err, RunOptions options, int imagesPerPass, ImageRun.Pass<R> pass,
                ImageRun.Writer<R> writer, ImageRun.Annotator<R> annotator) {
        try {
            return new ImageRun(err, options, file -> PictureReader.open(file, vidStride), detector::prepare, out)
                    .run(files, imagesPerPass, new ImageRun.Job<>(pass, writer, annotator));
        } finally {
            out.removeIfEmpty();
        }
    }
}
