package dev.yolocam.audit;

/** Where the report finds the rows' thumbnails, by their path relative to the audit folder. */
@FunctionalInterface
public interface ThumbnailSource {
    /** The file's bytes, or null when there is no such file. */
    byte[] read(String relativePath);
}
