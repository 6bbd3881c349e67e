package dev.yolocam.testing.fuzz;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz case on a worker thread and measures it: the worker's CPU time (not wall time, so a busy machine
 * does not fail a case that is merely waiting for a core) and the bytes the worker allocated on the heap (the JVM's
 * per-thread allocation counter, so the figure does not depend on when the GC runs). Whatever the case
 * throws, errors included, is captured, not rethrown; a case that does not end within the hard timeout is
 * abandoned with its worker, and the next case gets a fresh one.
 */
public final class BoundedRun {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Duration hardTimeout;
    private ExecutorService worker = newWorker();

    /**
     * What one case did.
     *
     * @param value          what the case returned (null when it threw)
     * @param failure        what it threw, or null
     * @param nanos          CPU time of the worker thread
     * @param allocatedBytes heap bytes the case allocated
     */
    public record Result<T>(T value, Throwable failure, long nanos, long allocatedBytes) {
        public long millis() {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }
    }

    public BoundedRun(Duration hardTimeout) {
        this.hardTimeout = hardTimeout;
    }

    /** Runs {@code body}; throws TimeoutException when it is still running after the hard timeout. */
    public <T> Result<T> run(Callable<T> body) throws TimeoutException {
        Future<Result<T>> future = worker.submit(() -> measure(body));
        try {
            return future.get(hardTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a fuzz case", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("measure() captures every throwable", e.getCause());
        }
    }

    private static <T> Result<T> measure(Callable<T> body) {
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = THREADS.getCurrentThreadCpuTime();
        T value = null;
        Throwable failure = null;
        try {
            value = body.call();
        } catch (Throwable t) {
            failure = t;
        }
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        return new Result<>(value, failure, nanos, THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fuzz-case");
            thread.setDaemon(true);
            return thread;
        });
    }
}
