package dev.yolocam.spark;

import dev.yolocam.audit.AuditArtifact;
import dev.yolocam.audit.AuditImage;
import dev.yolocam.audit.AuditRow;
import dev.yolocam.audit.AuditorFactory;
import dev.yolocam.audit.ImageAudit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;

/**
 * What an executor does with its share of the images: audits each with the JVM's one model, writes the maps and
 * thumbnails to the output folder (each atomically, so a retried task rewrites the same names), and returns the
 * rows for Spark to write.
 */
final class AuditPartition implements FlatMapFunction<Iterator<AuditImage>, Row> {
    private static final long serialVersionUID = 1L;
    private final List<String> arguments;
    private final AuditorFactory factory;
    /** The weights' file name as shipped with SparkContext.addFile, or null for the embedded model. */
    private final String weightsFile;
    private final String out;
    private final HadoopConf conf;
    private final CollectionAccumulator<String> imagesDone;

    AuditPartition(List<String> arguments, AuditorFactory factory, String weightsFile, String out, HadoopConf conf,
                   CollectionAccumulator<String> imagesDone) {
        this.arguments = List.copyOf(arguments);
        this.factory = factory;
        this.weightsFile = weightsFile;
        this.out = out;
        this.conf = conf;
        this.imagesDone = imagesDone;
    }

    @Override
    public Iterator<Row> call(Iterator<AuditImage> images) {
        HadoopFiles files = new HadoopFiles(conf.get());
        List<Row> rows = new ArrayList<>();
        while (images.hasNext()) {
            AuditImage image = images.next();
            ImageAudit audit = audit(image, files);
            for (AuditArtifact artifact : audit.artifacts()) {
                files.write(OutputFolder.child(out, artifact.path()), artifact.bytes());
            }
            audit.rows().forEach(row -> rows.add(AuditRowSchema.toRow(row)));
            imagesDone.add(image.key());
        }
        return rows.iterator();
    }

    /**
     * Audits one image from the local disk: where it is when it is there, else from a copy of it and its label
     * file side by side (where the auditor looks for the label), deleted after.
     */
    private ImageAudit audit(AuditImage image, HadoopFiles files) {
        Path copies = null;
        try {
            Path localImage = files.localFile(image.image());
            if (localImage == null) {
                copies = Files.createTempDirectory("yolocam-audit-");
                localImage = copy(files, image.image(), copies);
                if (image.label() != null) {
                    copy(files, image.label(), copies);
                }
            }
            return ExecutorAuditor.audit(arguments, factory, this::localArguments, image.key(), localImage);
        } catch (IOException e) {
            return new ImageAudit(image.key(), List.of(AuditRow.failed(image.key(), "cannot read: " + e.getMessage())),
                    List.of());
        } finally {
            deleteQuietly(copies);
        }
    }

    /**
     * A copy in {@code folder} under the file's own name: its stem pairs image and label, its extension tells the
     * image's format.
     */
    private static Path copy(HadoopFiles files, String location, Path folder) throws IOException {
        Path local = folder.resolve(new org.apache.hadoop.fs.Path(location).getName());
        files.copyToLocal(location, local);
        return local;
    }

    private List<String> localArguments() {
        return weightsFile == null ? arguments : WeightsArgument.replaced(arguments, SparkFiles.get(weightsFile));
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary copy left in the temp folder; the audit's result does not depend on it
        }
    }
}
