package dev.yolocam.cli;

import dev.yolocam.audit.AuditProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * An audit's progress on stderr: images done of the total, images per second (of this run), the time left. On a
 * terminal one line rewritten in place at most 4 times a second; otherwise a line at every tenth of the images.
 * Not with --quiet. A Ctrl-C reports how far the audit got.
 */
final class AuditProgressLine implements AuditProgress, AutoCloseable {
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private final Supplier<String> sofar = this::text;
    private int total;
    private int done;
    private int before;
    private long startNanos;
    private long shownNanos;
    private int shownTenth = -1;
    private boolean drawn;

    AuditProgressLine(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        this.total = total;
        this.done = alreadyDone;
        this.before = alreadyDone;
        this.startNanos = System.nanoTime();
        Interruption.track(sofar);
        if (!quiet && alreadyDone > 0) {
            err.println("yolocam: audit: continuing, " + alreadyDone + " of " + total + " images done before");
            err.flush();
        }
        show(false);
    }

    @Override
    public synchronized void imageDone(String key) {
        done++;
        show(false);
    }

    /** The last state, on a line of its own. */
    synchronized void finish() {
        show(true);
        if (drawn && terminal && !quiet) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    private void show(boolean force) {
        if (quiet || total == 0) {
            return;
        }
        long now = System.nanoTime();
        if (terminal) {
            if (force || now - shownNanos > 250_000_000L) {
                err.print("\r" + text() + "   ");
                err.flush();
                drawn = true;
                shownNanos = now;
            }
            return;
        }
        int tenth = done * 10 / total;
        if (tenth > shownTenth && done > before || force && shownTenth < 10) {
            err.println(text());
            err.flush();
            shownTenth = force ? 10 : tenth;
        }
    }

    private String text() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        int thisRun = done - before;
        double rate = seconds > 0 ? thisRun / seconds : 0;
        String eta = rate > 0 ? ", ETA " + duration((total - done) / rate) : "";
        return String.format(Locale.ROOT, "yolocam: audit: %d/%d images, %.2f images/s%s", done, total, rate, eta);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        Interruption.untrack(sofar);
        if (drawn && terminal) {
            err.println();
            err.flush();
        }
    }
}
