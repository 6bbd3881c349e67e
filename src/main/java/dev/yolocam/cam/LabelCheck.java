package dev.yolocam.cam;

import dev.yolocam.detect.LabelBox;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An image's detections held against its YOLO label file ({@code explain --misses}): the labelled objects no kept
 * detection of their class matches at IoU >= 0.5, explained, and the kept detections that match no label.
 *
 * @param labels         how many labelled objects the file has (of the selected classes)
 * @param misses         the missed ones, in label-file order
 * @param falsePositives indices of kept detections that match no label of their class
 * @param matches        the other kept detections (true positives): index -> the label each one matched
 * @param inInput        the labels (of the selected classes) in network-input pixels, in label-file order
 */
public record LabelCheck(int labels, List<Miss> misses, Set<Integer> falsePositives, Map<Integer, Match> matches,
                         List<LabelBox> inInput) {

    /**
     * A kept detection's label: matched one to one, detections in confidence order each taking the unmatched label
     * of its class it overlaps most at IoU >= 0.5 (as COCO's and YOLOv5's evaluation match).
     *
     * @param label the label, in original-image pixels
     * @param index its index among the image's labels (of the selected classes)
     * @param iou   IoU of detection and label, in network-input pixels
     */
    public record Match(LabelBox label, int index, double iou) {
    }
}
