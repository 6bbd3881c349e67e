package dev.yolocam.audit;

/**
 * A file an audit writes beside its rows (a map's .npy, its thumbnail), complete in memory so that each engine
 * writes it atomically where it keeps its output (a local folder, a Hadoop file system).
 *
 * @param path  relative to the audit's output folder, '/'-separated
 * @param bytes the whole content
 */
public record AuditArtifact(String path, byte[] bytes) {
}
