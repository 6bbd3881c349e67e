package dev.yolocam.audit;

import java.io.Serializable;

/**
 * One image of an audited dataset.
 *
 * @param key   its path relative to the dataset's image folder, '/'-separated: the rows' {@code image}, unique
 * @param image where it is (a local path, or for the Spark engine any Hadoop file-system URI)
 * @param label its YOLO label file, or null when it has none (every labelled object then counts as absent: all
 *              detections are false positives)
 */
public record AuditImage(String key, String image, String label) implements Serializable {
}
