package dev.yolocam.spark;

import dev.yolocam.audit.AuditorFactory;
import dev.yolocam.audit.ImageAudit;
import dev.yolocam.audit.ImageAuditor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one {@link ImageAuditor} (model, graph, method) of this executor JVM: opened by the first task of a job that
 * needs it, reused by every later task and partition of that job. A SameDiff graph is not thread-safe, so the tasks
 * of one JVM take turns on it; each pass already uses every core through ND4J's own threads.
 */
final class ExecutorAuditor {
    private static final Object LOCK = new Object();
    private static List<String> openedFor;
    private static ImageAuditor auditor;

    private ExecutorAuditor() {
    }

    /**
     * Audits one local image with the auditor of {@code arguments} (the driver's audit command line), opening it
     * with {@code factory} from {@code localArguments} (the same with files this JVM can read) when this JVM has none
     * for them yet.
     */
    static ImageAudit audit(List<String> arguments, AuditorFactory factory, Supplier<List<String>> localArguments,
                            String key, Path localImage) {
        synchronized (LOCK) {
            if (!arguments.equals(openedFor)) {
                auditor = null;
                auditor = factory.open(localArguments.get());
                openedFor = List.copyOf(arguments);
            }
            return auditor.audit(key, localImage);
        }
    }

    /** Drops the model of a finished job (in local mode the executors live in the driver's JVM). */
    static void release() {
        synchronized (LOCK) {
            auditor = null;
            openedFor = null;
        }
    }
}
