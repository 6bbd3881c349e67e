package dev.yolocam.spark;

import dev.yolocam.audit.AuditDataset;
import dev.yolocam.audit.AuditEngine;
import dev.yolocam.audit.AuditImage;
import dev.yolocam.audit.AuditJob;
import dev.yolocam.audit.AuditProgress;
import dev.yolocam.audit.AuditReport;
import dev.yolocam.audit.AuditRow;
import dev.yolocam.audit.AuditRows;
import dev.yolocam.errors.YolocamException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.DataSource;
import org.apache.spark.util.CollectionAccumulator;

/**
 * {@code yolocam audit --engine spark}: the driver lists the images, Spark spreads them over the executors (one
 * model per executor JVM, {@link AuditPartition}), writes the rows as Parquet under {@code out/rows/} with its
 * commit protocol (a failed or retried task's attempt leaves no rows behind), and the driver reads them back in
 * {@link AuditRows#ORDER} and builds the report with the local engine's code. Not resumable: the same command
 * again redoes the whole audit.
 */
public final class SparkAuditEngine implements AuditEngine {
    /** Partitions per core: several even out images of different cost and let the progress line move. */
    private static final int PARTITIONS_PER_CORE = 4;

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<AuditRow> run(AuditJob job) {
        SparkSession spark = null;
        try {
            spark = session(job.master());
            HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
            List<AuditImage> images = new AuditDataset(new HadoopDatasetFiles(files)).resolve(job.data());
            SparkAuditFolder.claim(files, job.out(), job.settings(), job.existOk());
            List<AuditRow> rows = audit(spark, job, images);
            AuditReport.write(new HadoopReportFiles(files, job.out()), job.settings(), images.size(), rows);
            return rows;
        } catch (Exception e) { // Spark's AnalysisException is a checked exception Scala code throws undeclared
            throw worded(e);
        } finally {
            if (spark != null) {
                spark.stop();
            }
            ExecutorAuditor.release();
        }
    }

    /** A session on the master requested; else spark-submit's (spark.master), else every core of this machine. */
    private static SparkSession session(String requested) {
        String master = requested != null || new SparkConf().contains("spark.master") ? requested : "local[*]";
        // maxToStringFields: a plan of the rows' 27 columns is logged whole, without a warning that it was cut
        SparkSession.Builder builder = SparkSession.builder().appName("yolocam audit")
                .config("spark.sql.debug.maxToStringFields", 100);
        if (master != null) {
            builder.master(master);
        }
        if (master != null && master.startsWith("local")) {
            builder.config("spark.ui.enabled", "false"); // no web server for a job on this machine's terminal
        }
        return builder.getOrCreate();
    }

    private static List<AuditRow> audit(SparkSession spark, AuditJob job, List<AuditImage> images) {
        String weights = WeightsArgument.value(job.arguments());
        if (weights != null) {
            spark.sparkContext().addFile(weights); // fetched once per executor: SparkFiles.get(its name)
        }
        CollectionAccumulator<String> done = spark.sparkContext().collectionAccumulator("images audited");
        job.progress().started(images.size(), 0);
        spark.sparkContext().addSparkListener(new ProgressListener(done, job.progress()));
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Math.max(1, Math.min(images.size(), PARTITIONS_PER_CORE * context.defaultParallelism()));
        AuditPartition work = new AuditPartition(job.arguments(), job.factory(),
                weights == null ? null : new Path(weights).getName(), job.out(),
                new HadoopConf(spark.sparkContext().hadoopConfiguration()), done);
        JavaRDD<Row> rows = context.parallelize(images, partitions).mapPartitions(work);
        String rowsFolder = OutputFolder.child(job.out(), SparkAuditFolder.ROWS);
        spark.createDataFrame(rows, AuditRowSchema.SCHEMA).write().mode(SaveMode.Overwrite).parquet(rowsFolder);
        // The folder as named, not a glob pattern: an output folder may be called out-local[2].
        List<AuditRow> read = new ArrayList<>(spark.read().schema(AuditRowSchema.SCHEMA)
                .option(DataSource.GLOB_PATHS_KEY(), "false").parquet(rowsFolder)
                .collectAsList().stream().map(AuditRowSchema::fromRow).toList());
        read.sort(AuditRows.ORDER);
        return read;
    }

    /** Tells the progress line of the images each finished task audited (a task's results arrive as it ends). */
    private static final class ProgressListener extends SparkListener {
        private final CollectionAccumulator<String> done;
        private final AuditProgress progress;
        private int told;

        ProgressListener(CollectionAccumulator<String> done, AuditProgress progress) {
            this.done = done;
            this.progress = progress;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            List<String> keys = done.value();
            for (; told < keys.size(); told++) {
                progress.imageDone(keys.get(told));
            }
        }
    }

    /** A failure of the job as one line: the yolocam error a task threw, else Spark's own first line. */
    private static RuntimeException worded(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof YolocamException ye) {
                return ye;
            }
        }
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
        return YolocamException.about("spark", message, e);
    }
}
