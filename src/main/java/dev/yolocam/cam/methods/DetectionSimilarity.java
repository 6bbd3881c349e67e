package dev.yolocam.cam.methods;

import dev.yolocam.detect.Detection;
import dev.yolocam.head.PredictionField;
import dev.yolocam.head.PredictionTable;

/**
 * D-RISE's similarity of a target detection to the predictions of a masked image (Petsiuk et al., CVPR 2021,
 * section 3.1): the target is the vector (box, objectness 1, one-hot class); a prediction row j is (box_j, O_j,
 * class probabilities P_j); their similarity is {@code IoU(box, box_j) x cos(onehot, P_j) x O_j}, and a mask's
 * weight is the largest similarity over the rows.
 *
 * <p>Every row of the table counts, before any confidence threshold or NMS (public D-RISE code for YOLO takes the
 * detector's post-NMS output at a low threshold instead): NMS only removes rows, a removed row can be the most
 * similar one, and a threshold would zero the weight of every mask that merely lowers the score.
 *
 * <p>A family without objectness (YOLOv8, YOLO11) folds it into its class scores; there the row's highest class
 * score stands in for O_j, as xaitk-saliency's DRISEScoring does for detectors that give a confidence but no
 * objectness. With O_j = 1 the cosine alone is blind to confidence (a background row with class scores (0.004,
 * 0.003) has the cosine of a confident one, and with one class the cosine is always 1), so the weights hardly depend
 * on the mask: on shapes-yolov8n, 6 images, 100 masks, the peak fell inside the detection's own box for 5 of 22
 * detections with O_j = 1 and for 18 of 22 with the highest class score.
 */
public final class DetectionSimilarity {
    private DetectionSimilarity() {
    }

    /** The largest similarity of {@code target} (corners in network-input pixels) to any row of {@code table}. */
    public static double weight(Detection target, PredictionTable table) {
        double best = 0;
        int c = target.classId();
        for (int row = 0; row < table.rows(); row++) {
            double probability = table.get(row, PredictionField.classScore(c));
            if (probability <= 0) {
                continue;
            }
            double iou = iou(target, table, row);
            if (iou <= 0) {
                continue;
            }
            double norm = 0;
            double top = 0;
            for (int k = 0; k < table.classes(); k++) {
                double p = table.get(row, PredictionField.classScore(k));
                norm += p * p;
                top = Math.max(top, p);
            }
            double objectness = table.hasObjectness() ? table.get(row, PredictionField.OBJECTNESS) : top;
            best = Math.max(best, iou * (probability / Math.sqrt(norm)) * objectness);
        }
        return best;
    }

    /** IoU of the target's corners with row {@code row}'s centre-size box. */
    static double iou(Detection target, PredictionTable table, int row) {
        double x = table.get(row, PredictionField.X);
        double y = table.get(row, PredictionField.Y);
        double w = table.get(row, PredictionField.W);
        double h = table.get(row, PredictionField.H);
        double iw = Math.min(target.x2(), x + w / 2) - Math.max(target.x1(), x - w / 2);
        double ih = Math.min(target.y2(), y + h / 2) - Math.max(target.y1(), y - h / 2);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (double) target.width() * target.height() + w * h - inter;
        return union > 0 ? inter / union : 0;
    }
}
