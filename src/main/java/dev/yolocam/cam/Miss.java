package dev.yolocam.cam;

import dev.yolocam.detect.Detection;
import dev.yolocam.detect.LabelBox;

/**
 * A labelled object that no kept detection of its class matches (IoU >= 0.5), explained: its best-matching prediction
 * row before NMS, why that row did not become a detection, and the map of that row's score for the labelled class.
 *
 * @param label the label, in original-image pixels
 * @param row   the best-matching row (highest IoU x score for the labelled class among rows overlapping the label at
 *              IoU >= 0.5; for {@link MissReason#NO_CANDIDATE} among all rows)
 * @param box   that row's box in network-input pixels, with its score for the labelled class
 * @param iou   IoU of that row's box with the label
 * @param score that row's score for the labelled class (the value NMS compares with --conf)
 * @param by    for {@link MissReason#NMS} the index of the kept detection that suppressed the row (-1 when none
 *              did: the row fell beyond --max-det); for {@link MissReason#WRONG_CLASS} the class that won; else -1
 * @param map   the map of the row's score for the labelled class; null until explained
 */
public record Miss(LabelBox label, int row, Detection box, double iou, float score, MissReason reason, int by,
                   CamMap map) {

    public Miss withMap(CamMap explained) {
        return new Miss(label, row, box, iou, score, reason, by, explained);
    }
}
