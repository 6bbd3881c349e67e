package dev.yolocam.cli;

import dev.yolocam.errors.YolocamException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs one job per image in one process: a progress bar on stderr (only for several images, on a terminal, and
 * not with --quiet), a failed image reported on one line while the others go on, and a summary at the end.
 * The exit code is 1 when any image failed.
 */
final class ImageRun {
    interface Job {
        /** Processes one image; returns how many detections and maps it produced. */
        Counts process(Path image);
    }

    record Counts(int detections, int maps) {
    }

    private final PrintWriter err;
    private final RunOptions options;

    ImageRun(PrintWriter err, RunOptions options) {
        this.err = err;
        this.options = options;
    }

    int run(List<Path> images, Job job, String outputDescription) {
        long start = System.nanoTime();
        int failed = 0;
        int detections = 0;
        int maps = 0;
        try (ProgressBar bar = progressBar(images.size())) {
            for (Path image : images) {
                try {
                    Counts counts = job.process(image);
                    detections += counts.detections();
                    maps += counts.maps();
                } catch (YolocamException e) {
                    failed++;
                    clearLine(bar);
                    Main.report(e, err, options.verbose());
                }
                if (bar != null) {
                    bar.step();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!options.quiet()) {
            int done = images.size() - failed;
            err.printf(Locale.ROOT, "%d image%s, %d detection%s, %d map%s in %.1f s (%.0f ms/image)%s%s%n",
                    done, done == 1 ? "" : "s", detections, detections == 1 ? "" : "s", maps, maps == 1 ? "" : "s",
                    seconds, done == 0 ? 0.0 : seconds * 1000 / Math.max(1, images.size()),
                    failed > 0 ? ", " + failed + " failed" : "",
                    done > 0 ? "; results in " + outputDescription : "");
            err.flush();
        }
        return failed > 0 ? Main.FAILURE : Main.OK;
    }

    private ProgressBar progressBar(int total) {
        if (options.quiet() || total < 2 || System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("images").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
    }

    private void clearLine(ProgressBar bar) {
        if (bar != null) {
            err.print("\r");
        }
    }
}
