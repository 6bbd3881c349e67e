package dev.yolocam.testing.fuzz;

import dev.yolocam.errors.YolocamException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/**
 * The contract every fuzz case of a reader is held to: it returns a value or throws a {@link YolocamException}
 * whose message is one line starting with {@code "yolocam: "}; nothing else may escape, and the case stays within
 * its {@link FuzzBounds}. A violation fails with an {@link AssertionError} naming the case; the counts end up in
 * {@link #summary()}.
 */
public final class FuzzSuite {
    private static final int HARD_TIMEOUT_FACTOR = 5;

    private final String name;
    private final FuzzBounds bounds;
    private final BoundedRun runner;
    private final FuzzStats stats = new FuzzStats();
    private final List<String> safetyNets;

    public FuzzSuite(String name, FuzzBounds bounds) {
        this(name, bounds, List.of());
    }

    /**
     * @param safetyNets message fragments of the readers' last-resort mappings of unexpected runtime exceptions
     *                   (e.g. "corrupt checkpoint ("): such refusals keep the contract but mean a check is
     *                   missing, so they are counted, and the first of each is shown, in {@link #details()}
     */
    public FuzzSuite(String name, FuzzBounds bounds, List<String> safetyNets) {
        this.name = name;
        this.bounds = bounds;
        this.safetyNets = List.copyOf(safetyNets);
        this.runner = new BoundedRun(bounds.maxTime().multipliedBy(HARD_TIMEOUT_FACTOR));
    }

    /**
     * Runs one case: returns what {@code body} returned, or null when it refused the input with a well-formed
     * YolocamException.
     *
     * @param description what was done to the input, for the report and for failure messages
     */
    public <T> T check(String description, Callable<T> body) {
        BoundedRun.Result<T> result;
        try {
            result = runner.run(body);
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": still running after " + bounds.maxTime().multipliedBy(
                    HARD_TIMEOUT_FACTOR).toMillis() + " ms: " + description);
        }
        Throwable failure = result.failure();
        if (failure != null && !(failure instanceof YolocamException)) {
            throw new AssertionError(name + ": " + failure.getClass().getName() + " escaped (only YolocamException"
                    + " may): " + description + "\n" + stackTrace(failure), failure);
        }
        if (failure != null) {
            requireOneLine((YolocamException) failure, description);
            classify((YolocamException) failure, description);
        }
        stats.record(description, failure == null, result.nanos(), result.allocatedBytes());
        if (result.nanos() > bounds.maxTime().toNanos()) {
            throw new AssertionError(name + ": took " + result.millis() + " ms, more than "
                    + bounds.maxTime().toMillis() + " ms: " + description);
        }
        if (result.allocatedBytes() > bounds.maxAllocatedBytes()) {
            throw new AssertionError(name + ": allocated " + result.allocatedBytes() / FuzzBounds.MIB
                    + " MiB, more than " + bounds.maxAllocatedBytes() / FuzzBounds.MIB + " MiB: " + description);
        }
        requireRetainedHeapBounded(description);
        return result.value();
    }

    /** Counts something a case did besides loading or refusing (shown in {@link #details()}). */
    public void note(String what) {
        stats.note(what);
    }

    public String summary() {
        return stats.summary(name);
    }

    public String details() {
        return stats.details(name);
    }

    private void classify(YolocamException e, String description) {
        stats.note(e.getClass().getSimpleName());
        for (String marker : safetyNets) {
            if (e.getMessage().contains(marker)) {
                stats.example("safety net '" + marker + "'", description + " -> " + e.getMessage());
            }
        }
    }

    private void requireOneLine(YolocamException e, String description) {
        String message = e.getMessage();
        if (message == null || !message.startsWith("yolocam: ") || message.contains("\n")
                || message.contains("\r")) {
            throw new AssertionError(name + ": " + e.getClass().getSimpleName() + " message is not one line "
                    + "starting with 'yolocam: ': " + description + "\nmessage: " + message, e);
        }
    }

    /** Used heap is only a bound once garbage is gone: collect only when the cheap reading is over the bound. */
    private void requireRetainedHeapBounded(String description) {
        if (usedHeap() <= bounds.maxRetainedBytes()) {
            return;
        }
        System.gc();
        long used = usedHeap();
        if (used > bounds.maxRetainedBytes()) {
            throw new AssertionError(name + ": " + used / FuzzBounds.MIB + " MiB of heap still in use after the "
                    + "case, more than " + bounds.maxRetainedBytes() / FuzzBounds.MIB + " MiB: " + description);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
