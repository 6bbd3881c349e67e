package dev.yolocam.audit;

import java.util.List;

/**
 * One audit as the command line asked for it, for an engine to run.
 *
 * @param arguments the {@code yolocam audit} arguments, from which each engine's auditors are opened
 * @param factory   opens an auditor from {@code arguments}
 * @param settings  what the rows depend on, remembered by the output folder
 * @param data      the dataset: a data.yaml or a folder (a local path, or any Hadoop URI for the Spark engine)
 * @param out       the output folder, likewise
 * @param master    the Spark master URL (null: the engine's default)
 * @param existOk   start over in an output folder that holds an audit with other settings
 * @param progress  told as images are done
 */
public record AuditJob(List<String> arguments, AuditorFactory factory, AuditSettings settings, String data, String out,
                       String master, boolean existOk, AuditProgress progress) {
    public AuditJob {
        arguments = List.copyOf(arguments);
    }
}
