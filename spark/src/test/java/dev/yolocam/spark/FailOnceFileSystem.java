package dev.yolocam.spark;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code failonce:}, whose first Spark data file ({@code part-*}) fails as it
 * is closed, after its rows were written: the task that wrote it fails once and Spark runs it again.
 */
public final class FailOnceFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "failonce";
    static final AtomicBoolean FAILED = new AtomicBoolean();

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        return failingOnce(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        return failingOnce(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
    }

    private static FSDataOutputStream failingOnce(Path f, FSDataOutputStream file) {
        if (!f.getName().startsWith("part-") || !FAILED.compareAndSet(false, true)) {
            return file;
        }
        return new FSDataOutputStream(new FilterOutputStream(file) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                super.close();
                throw new IOException("the disk failed (injected by the test)");
            }
        }, null);
    }
}
