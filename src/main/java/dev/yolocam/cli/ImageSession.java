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
 * What every image command (detect, explain, sweep) starts from: the run directory, claimed and checked for writing
 * before anything else; the expanded SOURCE files (images and videos) and how many frames of a video to step
 * (--vid-stride); the model loaded once; a detector. Closing it removes the run directory again if the run wrote
 * nothing into it.
 */
record ImageSession(List<Path> files, int vidStride, YoloModel model, NmsOptions nms, Detector detector,
                    OutputDirectory out) implements AutoCloseable {

    static ImageSession open(List<String> sources, int vidStride, ModelOptions modelOptions,
                             NmsOptionsMixin nmsOptions, OutputOptions outputOptions, RunOptions run, PrintWriter err,
                             String command) {
        OutputDirectory out = outputOptions.claim(command);
        try {
            List<Path> files = Sources.expand(sources != null ? sources : DefaultAssets.images());
            YoloModel model = modelOptions.load();
            NmsOptions nms = nmsOptions.toOptions(model.classNames(),
                    model.description().detect().postprocessing().defaultIou());
            Detector detector = new Detector(model, modelOptions.inputSize(model, run, err), nms);
            return new ImageSession(files, vidStride, model, nms, detector, out);
        } catch (RuntimeException | Error e) {
            out.removeIfEmpty();
            throw e;
        }
    }

    /** The classes --classes selected, or none (= every class). */
    int[] selectedClasses() {
        return nms.classes() == null ? new int[0] : nms.classes();
    }

    /**
     * Runs {@code pass} over the pictures, {@code imagesPerPass} of one input shape at a time, then {@code writer};
     * {@code annotator} draws the frames of each video's annotated copy (null: no annotated videos).
     */
    <R> int run(PrintWriter err, RunOptions options, ImageRun.Product product, int imagesPerPass,
                ImageRun.Pass<R> pass, ImageRun.Writer<R> writer, ImageRun.Annotator<R> annotator) {
        return new ImageRun(err, options, nms, product, file -> PictureReader.open(file, vidStride),
                detector::prepare, out).run(files, imagesPerPass, new ImageRun.Job<>(pass, writer, annotator));
    }

    @Override
    public void close() {
        out.removeIfEmpty();
    }
}
