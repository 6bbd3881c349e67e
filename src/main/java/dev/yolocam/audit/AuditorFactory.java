package dev.yolocam.audit;

import java.io.Serializable;
import java.util.List;

/**
 * Opens an {@link ImageAuditor} (model, graph, method) from an audit's command-line arguments. Serializable, so that
 * a Spark executor opens its own from the same arguments the driver was given.
 */
@FunctionalInterface
public interface AuditorFactory extends Serializable {
    ImageAuditor open(List<String> arguments);
}
