package dev.yolocam.audit;

/**
 * An audit's output folder as the report sees it: the thumbnails it reads and the files it writes, each by its path
 * relative to the folder. The local engine's is {@link LocalReportFiles}; the Spark engine's is on a Hadoop file
 * system.
 */
public interface ReportFiles extends ThumbnailSource {
    /** Writes {@code content} to the file, complete or not at all (replacing an earlier one). */
    void write(String relativePath, byte[] content);
}
