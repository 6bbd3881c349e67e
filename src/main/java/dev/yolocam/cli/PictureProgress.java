package dev.yolocam.cli;

import dev.yolocam.io.Sources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How far a run over pictures got: a progress bar on stderr stepping per picture (only for several pictures or a
 * video, on a terminal, and not with --quiet), and the "3 of 50 images" a Ctrl-C reports.
 */
final class PictureProgress implements AutoCloseable {
    private final ProgressBar bar;
    private final Supplier<String> sofar;
    private volatile int done;

    PictureProgress(List<Path> files, boolean quiet) {
        boolean videos = files.stream().anyMatch(Sources::isVideoName);
        bar = quiet || System.console() == null || files.size() < 2 && !videos ? null
                : new ProgressBarBuilder().setTaskName("images").setInitialMax(files.size())
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
        sofar = () -> videos ? RunTally.plural(done, "picture") + " of " + RunTally.plural(files.size(), "file")
                : done + " of " + RunTally.plural(files.size(), "image");
        Interruption.track(sofar);
    }

    /** {@code pictures} more are done (written or failed). */
    void step(int pictures) {
        done += pictures;
        if (bar != null && pictures > 0) {
            bar.stepBy(pictures);
        }
    }

    /** Moves the bar's total from {@code counted} pictures of a file to {@code now}; returns {@code now}. */
    long recount(long counted, long now) {
        if (bar != null && now != counted) {
            bar.maxHint(Math.max(bar.getCurrent(), bar.getMax() + now - counted));
        }
        return now;
    }

    /** Before a message on stderr: back to the start of the bar's line. */
    void clearLine(PrintWriter err) {
        if (bar != null) {
            err.print("\r");
        }
    }

    @Override
    public void close() {
        Interruption.untrack(sofar);
        if (bar != null) {
            bar.close();
        }
    }
}
