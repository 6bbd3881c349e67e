package dev.yolocam.cli;

import dev.yolocam.cam.MapProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr over the masked copies of each image a slow method (D-RISE) runs through the model: one
 * bar per image, gone when its passes are done. Drawn only on a terminal and not with --quiet.
 */
final class MaskProgressBar implements MapProgress, AutoCloseable {
    private final String task;
    private ProgressBar bar;

    private MaskProgressBar(String task) {
        this.task = task;
    }

    /** A bar for {@code method}'s passes, or nothing to draw. */
    static MapProgress of(String method, boolean quiet) {
        return quiet || System.console() == null ? MapProgress.NONE : new MaskProgressBar(method + " masks");
    }

    @Override
    public synchronized void passed(int done, int total) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).continuousUpdate().build();
        }
        bar.stepTo(done);
        if (done >= total) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
