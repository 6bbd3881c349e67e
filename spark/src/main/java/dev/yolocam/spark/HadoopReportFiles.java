package dev.yolocam.spark;

import dev.yolocam.audit.ReportFiles;
import java.util.Arrays;

/** The report's files in an output folder on any Hadoop file system, each written atomically. */
final class HadoopReportFiles implements ReportFiles {
    private final HadoopFiles files;
    private final String folder;

    HadoopReportFiles(HadoopFiles files, String folder) {
        this.files = files;
        this.folder = folder;
    }

    /** The file's bytes; null when it does not exist or its path leads out of the folder. */
    @Override
    public byte[] read(String relativePath) {
        return inside(relativePath) ? files.read(OutputFolder.child(folder, relativePath)) : null;
    }

    @Override
    public void write(String relativePath, byte[] content) {
        if (!inside(relativePath)) {
            throw new IllegalArgumentException("not a path inside the audit folder: " + relativePath);
        }
        files.write(OutputFolder.child(folder, relativePath), content);
    }

    private static boolean inside(String relativePath) {
        return !relativePath.isEmpty() && !relativePath.startsWith("/") && !relativePath.contains(":")
                && Arrays.stream(relativePath.split("/")).noneMatch(".."::equals);
    }
}
