package dev.yolocam.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent count of true positives, false positives and misses for a {@code detect} JSON against a YOLO label
 * file: detections in confidence order each take the best unmatched label of their class at IoU >= 0.5.
 */
public final class LabelMatching {
    private LabelMatching() {
    }

    /** {tp, fp, misses} of one image's detect JSON against its label file. */
    public static int[] count(JsonNode detectJson, Path labelFile) throws IOException {
        List<double[]> labels = labels(labelFile, detectJson.get("width").asInt(), detectJson.get("height").asInt());
        boolean[] taken = new boolean[labels.size()];
        int tp = 0;
        int fp = 0;
        for (JsonNode d : detectJson.get("detections")) { // detect writes them in confidence order
            double[] box = {d.get("box").get(0).asDouble(), d.get("box").get(1).asDouble(),
                d.get("box").get(2).asDouble(), d.get("box").get(3).asDouble()};
            int best = -1;
            double bestIou = 0.5;
            for (int i = 0; i < labels.size(); i++) {
                double[] l = labels.get(i);
                double iou = iou(box, l);
                if (!taken[i] && (int) l[0] == d.get("class").asInt() && iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                tp++;
            } else {
                fp++;
            }
        }
        return new int[] {tp, fp, labels.size() - tp};
    }

    /** The label file's boxes: class, then corners in pixels. */
    private static List<double[]> labels(Path file, int width, int height) throws IOException {
        List<double[]> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            double xc = Double.parseDouble(f[1]) * width;
            double yc = Double.parseDouble(f[2]) * height;
            double w = Double.parseDouble(f[3]) * width;
            double h = Double.parseDouble(f[4]) * height;
            out.add(new double[] {Integer.parseInt(f[0]), xc - w / 2, yc - h / 2, xc + w / 2, yc + h / 2});
        }
        return out;
    }

    private static double iou(double[] a, double[] l) {
        double w = Math.max(0, Math.min(a[2], l[3]) - Math.max(a[0], l[1]));
        double h = Math.max(0, Math.min(a[3], l[4]) - Math.max(a[1], l[2]));
        double inter = w * h;
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (l[3] - l[1]) * (l[4] - l[2]) - inter);
    }
}
