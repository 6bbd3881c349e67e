package dev.yolocam.spark;

import dev.yolocam.audit.DatasetFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The dataset's folders and files on any Hadoop file system, for {@code AuditDataset} on the driver. */
final class HadoopDatasetFiles implements DatasetFiles {
    private final HadoopFiles files;

    HadoopDatasetFiles(HadoopFiles files) {
        this.files = files;
    }

    @Override
    public boolean isFile(String location) {
        return files.isFile(location);
    }

    @Override
    public boolean isDirectory(String location) {
        return files.isDirectory(location);
    }

    @Override
    public List<String> listFiles(String folder) {
        return files.listRecursively(folder);
    }

    @Override
    public String readText(String location) {
        byte[] bytes = files.read(location);
        if (bytes == null) {
            throw dev.yolocam.errors.YolocamException.about(location, "cannot read: no such file", null);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
