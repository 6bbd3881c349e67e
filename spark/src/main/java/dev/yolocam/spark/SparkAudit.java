package dev.yolocam.spark;

import dev.yolocam.cli.Main;
import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * The main class for {@code spark-submit}: takes the arguments of {@code yolocam audit} and runs it on the Spark
 * engine, e.g. {@code spark-submit --class dev.yolocam.spark.SparkAudit yolocam-spark-cluster.jar --weights
 * hdfs://.../best.pt --data hdfs://.../data.yaml --out hdfs://.../audit}. The master comes from spark-submit.
 */
public final class SparkAudit {
    private SparkAudit() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        List<String> command = new ArrayList<>(List.of("audit"));
        try {
            command.addAll(withLocalWeights(List.of(args)));
        } catch (YolocamException e) {
            err.println(e.getMessage());
            System.exit(e.exitCode());
        }
        command.addAll(List.of("--engine", "spark"));
        System.exit(Main.run(out, err, command.toArray(String[]::new)));
    }

    /**
     * The command line with the weights as a local path: a {@code file:} URI as its path, weights on another
     * Hadoop file system (hdfs://, s3a://, ...) as a local copy. The command line reads the model on the driver, and
     * the engine ships that file to the executors.
     */
    static List<String> withLocalWeights(List<String> arguments) {
        String weights = WeightsArgument.value(arguments);
        if (weights == null) {
            return arguments;
        }
        HadoopFiles files = new HadoopFiles(hadoopConfiguration(new SparkConf()));
        try {
            Path local = files.localFile(weights);
            if (local == null) {
                Path folder = Files.createTempDirectory("yolocam-weights-");
                local = folder.resolve(new org.apache.hadoop.fs.Path(weights).getName());
                files.copyToLocal(weights, local);
                local.toFile().deleteOnExit();
                folder.toFile().deleteOnExit();
            }
            return WeightsArgument.replaced(arguments, local.toString());
        } catch (IOException e) {
            throw YolocamException.about(weights, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The Hadoop settings spark-submit was given ({@code spark.hadoop.*}), before any Spark session exists. */
    static Configuration hadoopConfiguration(SparkConf spark) {
        Configuration conf = new Configuration();
        for (Tuple2<String, String> entry : spark.getAllWithPrefix("spark.hadoop.")) {
            conf.set(entry._1(), entry._2());
        }
        return conf;
    }
}
