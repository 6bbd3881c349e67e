package dev.yolocam.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration (file-system settings and credentials from {@code spark.hadoop.*}) carried to
 * the executors as its entries; a Hadoop {@link Configuration} is not serializable.
 */
final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> entries = new HashMap<>();
    private transient Configuration configuration;

    HadoopConf(Configuration configuration) {
        configuration.forEach(e -> entries.put(e.getKey(), e.getValue()));
        this.configuration = configuration;
    }

    Configuration get() {
        if (configuration == null) {
            Configuration rebuilt = new Configuration(false);
            entries.forEach(rebuilt::set);
            configuration = rebuilt;
        }
        return configuration;
    }
}
