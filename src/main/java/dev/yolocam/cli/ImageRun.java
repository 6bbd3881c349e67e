package dev.yolocam.cli;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.detect.PictureReader;
import dev.yolocam.detect.SourceImage;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.OutputDirectory;
import dev.yolocam.render.AnnotatedVideo;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs a job over the pictures of many SOURCE files in one process - an image file is one picture, a video one per
 * processed frame: consecutive pictures of one input shape go through the network {@code imagesPerPass} at a time
 * (a shorter run of one shape goes one picture per pass, so no pass is padded and at most two graphs per shape are
 * built); a progress bar on stderr, stepping per picture (only for several pictures, on a terminal, and not with
 * --quiet); a failed picture or file reported on one line while the others go on; a summary at the end, and a
 * hint about --conf when pictures had no detections. The exit code is 1 when anything failed.
 *
 * <p>A video's frames also go, in order, into its annotated copy {@code <stem>.mp4} at the video's frame rate,
 * when the job draws one; that file appears only when every frame of the video was read and written.
 */
final class ImageRun {
    /** Opens the pictures of one SOURCE file. */
    interface Opener {
        PictureReader open(Path file);
    }

    /** Letterboxes one picture. */
    interface Preparer {
        Detector.Prepared prepare(SourceImage picture);
    }

    /** Computes the results of a batch of pictures of one input shape, in the batch's order. */
    interface Pass<R> {
        List<R> run(ImageBatch batch);
    }

    /** Writes one picture's files (named after {@link SourceImage#stem()}); returns what it produced. */
    interface Writer<R> {
        Counts write(SourceImage picture, R result);
    }

    /** Draws what a video's annotated copy shows for one frame's result. */
    interface Annotator<R> {
        BufferedImage annotate(R result);
    }

    record Counts(int detections, int maps) {
    }

    /** What the command makes of each picture: the summary counts maps only where there are maps to make. */
    enum Product { DETECTIONS, MAPS }

    /** What a command does with the pictures; a null {@code annotator} writes no annotated videos. */
    record Job<R>(Pass<R> pass, Writer<R> writer, Annotator<R> annotator) {
    }

    /** A SOURCE file being read, and its annotated copy when it is a video and the job draws one. */
    private static final class Source {
        AnnotatedVideo video;
        boolean failed;

        Source(AnnotatedVideo video) {
            this.video = video;
        }
    }

    /** A picture waiting for its pass. */
    private record Pending(Source source, SourceImage picture, Detector.Prepared prepared) {
    }

    private final PrintWriter err;
    private final RunOptions options;
    private final Opener opener;
    private final Preparer preparer;
    private final OutputDirectory out;
    private final RunTally tally;

    ImageRun(PrintWriter err, RunOptions options, NmsOptions nms, Product product, Opener opener, Preparer preparer,
             OutputDirectory out) {
        this.err = err;
        this.options = options;
        this.tally = new RunTally(product, nms);
        this.opener = opener;
        this.preparer = preparer;
        this.out = out;
    }

    <R> int run(List<Path> files, int imagesPerPass, Job<R> job) {
        if (imagesPerPass < 1) {
            throw new IllegalArgumentException("imagesPerPass must be positive");
        }
        long start = System.nanoTime();
        try (PictureProgress bar = new PictureProgress(files, options.quiet())) {
            List<Pending> pending = new ArrayList<>();
            for (Path file : files) {
                PictureReader reader;
                try {
                    reader = opener.open(file);
                } catch (YolocamException e) {
                    fail(e, bar, 1);
                    continue;
                }
                try (reader) {
                    readAll(reader, annotatedCopy(file, reader, job), imagesPerPass, pending, job, bar);
                }
            }
            runOneByOne(pending, job, bar);
        }
        if (!options.quiet()) {
            tally.summarize(err, (System.nanoTime() - start) / 1e9, out.path().toString());
        }
        return tally.anyFailed() ? Main.FAILURE : Main.OK;
    }

    private <R> void readAll(PictureReader reader, AnnotatedVideo video, int imagesPerPass, List<Pending> pending,
                             Job<R> job, PictureProgress bar) {
        Source source = new Source(video);
        try {
            // The bar counted this file as one picture; it holds reader.expected(), then what was really read.
            long counted = bar.recount(1, reader.expected());
            int read = 0;
            while (true) {
                SourceImage picture;
                try {
                    picture = reader.next();
                } catch (YolocamException e) {
                    source.failed = true;
                    bar.recount(counted, read + 1);
                    fail(e, bar, 1);
                    break;
                }
                if (picture == null) {
                    bar.recount(counted, read);
                    break;
                }
                read++;
                Detector.Prepared prepared;
                try {
                    prepared = preparer.prepare(picture);
                } catch (YolocamException e) {
                    source.failed = true;
                    fail(e, bar, 1);
                    continue;
                }
                if (!pending.isEmpty() && !ImageBatch.sameShape(pending.get(0).prepared(), prepared)) {
                    runOneByOne(pending, job, bar);
                }
                pending.add(new Pending(source, picture, prepared));
                if (pending.size() == imagesPerPass) {
                    runBatch(pending, job, bar);
                    pending.clear();
                }
            }
            if (source.video != null) {
                // Every frame must be in the video before it is finished.
                runOneByOne(pending, job, bar);
                finish(source, bar);
            }
        } finally {
            if (source.video != null) {
                source.video.close();
            }
        }
    }

    /** A video's annotated copy, {@code <stem>.mp4} in the output directory; null for an image or no annotator. */
    private AnnotatedVideo annotatedCopy(Path file, PictureReader reader, Job<?> job) {
        if (job.annotator() == null || reader.frameRate().isEmpty()) {
            return null;
        }
        return new AnnotatedVideo(out.resolve(SourceImage.baseName(file) + ".mp4"), reader.frameRate().getAsDouble());
    }

    private void finish(Source source, PictureProgress bar) {
        AnnotatedVideo video = source.video;
        source.video = null;
        if (source.failed) {
            video.close();
            return;
        }
        try {
            video.finish();
        } catch (YolocamException e) {
            tally.failed(1);
            report(e, bar);
        }
    }

    private <R> void runOneByOne(List<Pending> pending, Job<R> job, PictureProgress bar) {
        for (Pending p : pending) {
            runBatch(List.of(p), job, bar);
        }
        pending.clear();
    }

    private <R> void runBatch(List<Pending> batch, Job<R> job, PictureProgress bar) {
        List<R> results;
        try {
            results = job.pass().run(new ImageBatch(batch.stream().map(Pending::prepared).toList()));
        } catch (YolocamException e) {
            batch.forEach(p -> p.source().failed = true);
            fail(e, bar, batch.size());
            return;
        }
        // Writing (rendering, PNG deflate) is single-threaded Java: the pictures of a batch are written side by
        // side; a video's frames are then appended in order.
        List<Written> outcomes = IntStream.range(0, batch.size()).parallel()
                .mapToObj(i -> Written.of(batch.get(i), results.get(i), job)).toList();
        for (int i = 0; i < batch.size(); i++) {
            Written w = outcomes.get(i);
            Source source = batch.get(i).source();
            if (w.failure() != null) {
                source.failed = true;
                fail(w.failure(), bar, 1);
                continue;
            }
            tally.written(batch.get(i).picture().isVideoFrame(), w.counts());
            bar.step(1);
            append(source, w.frame(), bar);
        }
    }

    private void append(Source source, BufferedImage frame, PictureProgress bar) {
        if (source.video == null || source.failed) {
            return;
        }
        try {
            source.video.append(frame);
        } catch (YolocamException e) {
            source.failed = true;
            tally.failed(1);
            report(e, bar);
        }
    }

    /** One picture's write: its counts and the frame for its video's annotated copy, or the failure to report. */
    private record Written(Counts counts, BufferedImage frame, YolocamException failure) {
        static <R> Written of(Pending p, R result, Job<R> job) {
            try {
                Counts counts = job.writer().write(p.picture(), result);
                BufferedImage frame = p.source().video != null ? job.annotator().annotate(result) : null;
                return new Written(counts, frame, null);
            } catch (YolocamException e) {
                return new Written(null, null, e);
            }
        }
    }

    /** Reports the failure of {@code pictures} pictures, which count as failed and done on the bar. */
    private void fail(YolocamException e, PictureProgress bar, int pictures) {
        tally.failed(pictures);
        report(e, bar);
        bar.step(pictures);
    }

    private void report(YolocamException e, PictureProgress bar) {
        bar.clearLine(err);
        Main.report(e, err, options.verbose());
    }
}
