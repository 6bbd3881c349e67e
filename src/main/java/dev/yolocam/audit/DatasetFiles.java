package dev.yolocam.audit;

import java.util.List;

/**
 * The few file-system questions resolving a dataset asks, on '/'-separated locations: a local path, or for the Spark
 * engine any Hadoop file-system URI. Failures are {@link dev.yolocam.errors.YolocamException}s naming the location.
 */
public interface DatasetFiles {
    boolean isFile(String location);

    boolean isDirectory(String location);

    /** Every file under {@code folder}, at any depth, as locations of this file system, in any order. */
    List<String> listFiles(String folder);

    /** A small text file's content (a data.yaml, an image list). */
    String readText(String location);
}
