package dev.yolocam.spark;

import dev.yolocam.errors.YolocamException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Files on any Hadoop-compatible file system, named by a URI or a local path: read whole, written atomically (a
 * temporary name in the same folder, then a rename, so a reader or a retried task never sees half a file), and
 * copied to the local disk for code that reads local files.
 */
final class HadoopFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Configuration conf;

    HadoopFiles(Configuration conf) {
        this.conf = conf;
    }

    /**
     * The file system of {@code path}; the local one without its checksum layer, which would leave a {@code .crc}
     * file beside every output file.
     */
    FileSystem fileSystem(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    /** The file, or null when it does not exist. */
    byte[] read(String location) {
        Path path = new Path(location);
        try (InputStream in = fileSystem(path).open(path)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw YolocamException.about(location, "cannot read: " + e.getMessage(), e);
        }
    }

    boolean isFile(String location) {
        FileStatus status = status(location);
        return status != null && status.isFile();
    }

    boolean isDirectory(String location) {
        FileStatus status = status(location);
        return status != null && status.isDirectory();
    }

    /** Whether the folder holds nothing. */
    boolean isEmptyFolder(String location) {
        Path path = new Path(location);
        try {
            return fileSystem(path).listStatus(path).length == 0;
        } catch (IOException e) {
            throw YolocamException.about(location, "cannot list: " + e.getMessage(), e);
        }
    }

    /** Removes the file, or the folder with everything in it; nothing there is fine. */
    void delete(String location) {
        Path path = new Path(location);
        try {
            fileSystem(path).delete(path, true);
        } catch (IOException e) {
            throw YolocamException.about(location, "cannot delete: " + e.getMessage(), e);
        }
    }

    /** What the file system knows of {@code location}, or null when there is nothing there. */
    private FileStatus status(String location) {
        Path path = new Path(location);
        try {
            return fileSystem(path).getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw YolocamException.about(location, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Writes {@code bytes} to {@code location}, replacing what was there, under a temporary name first. */
    void write(String location, byte[] bytes) {
        Path target = new Path(location);
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + Long.toHexString(RANDOM.nextLong())
                + ".part");
        try {
            FileSystem fs = fileSystem(target);
            try {
                try (OutputStream out = fs.create(temp, false)) {
                    out.write(bytes);
                }
                // HDFS and object stores refuse to rename onto an existing file; a retried task writes the same bytes.
                if (!fs.rename(temp, target) && !(fs.delete(target, false) && fs.rename(temp, target))) {
                    throw new IOException("cannot rename " + temp + " to " + target);
                }
            } finally {
                fs.delete(temp, false);
            }
        } catch (IOException e) {
            throw YolocamException.about(location, "cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Every file under {@code folder} and its subfolders, named as {@code folder} was (a local path stays a path,
     * a URI stays that URI), in name order.
     */
    List<String> listRecursively(String folder) {
        Path path = new Path(folder);
        try {
            FileSystem fs = fileSystem(path);
            String root = fs.makeQualified(path).toUri().getPath();
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            List<String> out = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(path, true);
            while (files.hasNext()) {
                String file = files.next().getPath().toUri().getPath();
                out.add(prefix + file.substring(root.length()).replaceFirst("^/", ""));
            }
            Collections.sort(out);
            return out;
        } catch (IOException e) {
            throw YolocamException.about(folder, "cannot list: " + e.getMessage(), e);
        }
    }

    /** {@code location} as a local file: itself when it is on the local file system, or null when it is not. */
    java.nio.file.Path localFile(String location) throws IOException {
        Path path = new Path(location);
        FileSystem fs = fileSystem(path);
        return fs instanceof RawLocalFileSystem local ? local.pathToFile(path).toPath() : null;
    }

    /** Copies {@code location} (any file system) to {@code target} on the local disk. */
    void copyToLocal(String location, java.nio.file.Path target) throws IOException {
        Path path = new Path(location);
        try (InputStream in = fileSystem(path).open(path)) {
            Files.copy(in, target);
        }
    }
}
