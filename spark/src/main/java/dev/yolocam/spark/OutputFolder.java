package dev.yolocam.spark;

import org.apache.hadoop.fs.Path;

/** Locations inside an audit's output folder, which may be a local path or any Hadoop file-system URI. */
final class OutputFolder {
    private OutputFolder() {
    }

    /** {@code relative} ('/'-separated, as the audit names its files) inside {@code folder}. */
    static String child(String folder, String relative) {
        return new Path(new Path(folder), relative).toString();
    }
}
