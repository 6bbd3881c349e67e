package dev.yolocam.cli;

import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.errors.YolocamException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs a job over many images in one process: consecutive images of one input shape go through the network
 * {@code imagesPerPass} at a time (a shorter run of one shape goes one image per pass, so no pass is padded and at
 * most two graphs per shape are built); a progress bar on stderr (only for several images, on a terminal, and not
 * with --quiet); a failed image reported on one line while the others go on; a summary at the end, and a hint
 * about --conf when images had no detections. The exit code is 1 when any image failed.
 */
final class ImageRun {
    /** Decodes and letterboxes one image. */
    interface Preparer {
        Detector.Prepared prepare(Path image);
    }

    /** Computes the results of a batch of images of one input shape, in the batch's order. */
    interface Pass<R> {
        List<R> run(ImageBatch batch);
    }

    /** Writes one image's result; returns how many detections and maps it produced. */
    interface Writer<R> {
        Counts write(Detector.Prepared image, R result);
    }

    record Counts(int detections, int maps) {
    }

    /** What the command makes of each image: the summary counts maps only where there are maps to make. */
    enum Product { DETECTIONS, MAPS }

    private final PrintWriter err;
    private final RunOptions options;
    private final NmsOptions nms;
    private final Product product;
    private int failed;
    private int detections;
    private int maps;
    private int withoutDetections;
    private volatile int done;

    ImageRun(PrintWriter err, RunOptions options, NmsOptions nms, Product product) {
        this.err = err;
        this.options = options;
        this.nms = nms;
        this.product = product;
    }

    <R> int run(List<Path> images, int imagesPerPass, Preparer preparer, Pass<R> pass, Writer<R> writer,
                String outputDescription) {
        if (imagesPerPass < 1) {
            throw new IllegalArgumentException("imagesPerPass must be positive");
        }
        long start = System.nanoTime();
        Supplier<String> progress = () -> done + " of " + images.size() + " images";
        Interruption.track(progress);
        try (ProgressBar bar = progressBar(images.size())) {
            List<Detector.Prepared> pending = new ArrayList<>();
            for (Path image : images) {
                Detector.Prepared prepared;
                try {
                    prepared = preparer.prepare(image);
                } catch (YolocamException e) {
                    fail(e, bar, 1);
                    continue;
                }
                if (!pending.isEmpty() && !ImageBatch.sameShape(pending.get(0), prepared)) {
                    runOneByOne(pending, pass, writer, bar);
                }
                pending.add(prepared);
                if (pending.size() == imagesPerPass) {
                    runBatch(pending, pass, writer, bar);
                    pending.clear();
                }
            }
            runOneByOne(pending, pass, writer, bar);
        } finally {
            Interruption.untrack(progress);
        }
        summarize(images.size(), (System.nanoTime() - start) / 1e9, outputDescription);
        return failed > 0 ? Main.FAILURE : Main.OK;
    }

    private <R> void runOneByOne(List<Detector.Prepared> pending, Pass<R> pass, Writer<R> writer, ProgressBar bar) {
        for (Detector.Prepared p : pending) {
            runBatch(List.of(p), pass, writer, bar);
        }
        pending.clear();
    }

    private <R> void runBatch(List<Detector.Prepared> images, Pass<R> pass, Writer<R> writer, ProgressBar bar) {
        List<R> results;
        try {
            results = pass.run(new ImageBatch(images));
        } catch (YolocamException e) {
            fail(e, bar, images.size());
            return;
        }
        // Writing (rendering, PNG deflate) is single-threaded Java: the images of a batch are written side by side.
        List<Written> outcomes = IntStream.range(0, images.size()).parallel()
                .mapToObj(i -> Written.of(() -> writer.write(images.get(i), results.get(i)))).toList();
        for (Written w : outcomes) {
            if (w.failure() != null) {
                fail(w.failure(), bar, 1);
            } else {
                detections += w.counts().detections();
                maps += w.counts().maps();
                withoutDetections += w.counts().detections() == 0 ? 1 : 0;
                step(bar, 1);
            }
        }
    }

    /** One image's write: its counts, or the failure to report. */
    private record Written(Counts counts, YolocamException failure) {
        static Written of(java.util.function.Supplier<Counts> write) {
            try {
                return new Written(write.get(), null);
            } catch (YolocamException e) {
                return new Written(null, e);
            }
        }
    }

    private void fail(YolocamException e, ProgressBar bar, int images) {
        failed += images;
        if (bar != null) {
            err.print("\r");
        }
        Main.report(e, err, options.verbose());
        step(bar, images);
    }

    private void step(ProgressBar bar, int images) {
        done += images;
        if (bar != null) {
            bar.stepBy(images);
        }
    }

    private void summarize(int total, double seconds, String outputDescription) {
        if (options.quiet()) {
            return;
        }
        int done = total - failed;
        err.printf(Locale.ROOT, "%s, %s%s in %.1f s (%.0f ms/image)%s%s%n", count(done, "image"),
                count(detections, "detection"), product == Product.MAPS ? ", " + count(maps, "map") : "",
                seconds, done == 0 ? 0.0 : seconds * 1000 / Math.max(1, total),
                failed > 0 ? ", " + failed + " failed" : "",
                done > 0 ? "; results in " + outputDescription : "");
        if (withoutDetections > 0) {
            err.printf(Locale.ROOT, "yolocam: %s had no detections%s at --conf %s; a lower --conf shows weaker ones%n",
                    withoutDetections == done ? (done == 1 ? "the image" : "all " + done + " images")
                            : count(withoutDetections, "image"),
                    nms.classes() == null ? "" : " of the chosen --classes",
                    BigDecimal.valueOf(nms.confThreshold()).stripTrailingZeros().toPlainString());
        }
        err.flush();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private ProgressBar progressBar(int total) {
        if (options.quiet() || total < 2 || System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("images").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
    }
}
