package dev.yolocam.cam;

import java.util.List;
import java.util.Set;

/**
 * An image's detections held against its YOLO label file ({@code explain --misses}): the labelled objects no kept
 * detection of their class matches at IoU >= 0.5, explained, and the kept detections that match no label.
 *
 * @param labels         how many labelled objects the file has (of the selected classes)
 * @param misses         the missed ones, in label-file order
 * @param falsePositives indices of kept detections that match no label of their class
 */
public record LabelCheck(int labels, List<Miss> misses, Set<Integer> falsePositives) {
}
