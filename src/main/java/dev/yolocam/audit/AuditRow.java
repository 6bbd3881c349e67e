package dev.yolocam.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One row of an audit: a detection of an image, a missed labelled object, or an image that failed. Flat and
 * nullable so that it is one JSON line or one Parquet record; boxes are corners in pixels of the original image.
 *
 * @param image          the image's key: its path relative to the dataset's image folder, '/'-separated
 * @param index          detections: their index in the image's confidence order (kept ones first); misses: their
 *                       number in the image's label-file order; errors: -1
 * @param outcome        tp, fp, miss or error
 * @param kept           whether the detection reached --conf (explained, with a map); detections below it are kept
 *                       only for AP50 (down to 0.001, as YOLOv5's val.py); always true for misses
 * @param classId        the detection's class, or the missed label's; null for errors
 * @param className      its name
 * @param confidence     the detection's confidence; for a miss, its best prediction row's score for the labelled class
 * @param x1             the box: the detection's, or for a miss its best prediction row's
 * @param labelX1        the label: the one a true positive matched, or the missed one; null otherwise
 * @param iou            IoU of box and label (null without a label)
 * @param missReason     for misses: below_conf, nms, wrong_class or no_candidate (as {@code explain --misses})
 * @param missBy         for nms: the index of the detection that suppressed the row; for wrong_class: the class that
 *                       won; else null
 * @param ownBoxMass     share of the map's mass inside the row's own box (kept detections and misses)
 * @param otherBoxMass   share inside the other detections' boxes but outside its own
 * @param pointingHit    pointing game: whether the map's peak (original frame) lies inside the label
 * @param pointingEnergy energy pointing game: share of the map's mass (original frame) inside the label
 * @param map            the map's .npy, relative to the audit folder (null when none was written)
 * @param thumbnail      the map's thumbnail .png, relative to the audit folder
 * @param error          why the image failed (errors only)
 * @param imageWidth     the original image's width (0 when it could not be read)
 * @param imageHeight    its height
 */
public record AuditRow(String image, int index, Outcome outcome, boolean kept, Integer classId, String className,
                       Double confidence, Double x1, Double y1, Double x2, Double y2,
                       Double labelX1, Double labelY1, Double labelX2, Double labelY2, Double iou,
                       String missReason, Integer missBy,
                       Double ownBoxMass, Double otherBoxMass, Boolean pointingHit, Double pointingEnergy,
                       String map, String thumbnail, String error, int imageWidth, int imageHeight) {

    /** A row for an image that could not be audited. */
    public static AuditRow failed(String image, String error) {
        return new AuditRow(image, -1, Outcome.ERROR, false, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, error, 0, 0);
    }

    @JsonIgnore
    public boolean isDetection() {
        return outcome == Outcome.TP || outcome == Outcome.FP;
    }
}
