package dev.yolocam.audit;

import java.util.List;

/**
 * Runs an audit: the local engine in this process, or the Spark engine (module {@code spark/}, found with
 * {@link java.util.ServiceLoader} when on the classpath). Both audit each image with an {@link ImageAuditor}, write
 * its maps and thumbnails beside the rows, and end with {@link AuditReport#write}.
 */
public interface AuditEngine {
    /** The name {@code --engine} takes. */
    String name();

    /** Runs the job; returns its rows in dataset order (see {@link AuditRows#ORDER}). */
    List<AuditRow> run(AuditJob job);
}
