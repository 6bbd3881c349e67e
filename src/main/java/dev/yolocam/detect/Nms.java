package dev.yolocam.detect;

import dev.yolocam.head.Yolov5Predictions;
import dev.yolocam.head.PredictionTable;
import dev.yolocam.head.PredictionField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * YOLOv5 v7.0 {@code non_max_suppression} (best class per row, {@code multi_label=False}) for one image, with
 * torch's float32 arithmetic and torchvision's {@code nms} kernel reproduced operation by operation, so the same
 * rows survive as upstream and their boxes and scores are bit-identical.
 *
 * <p>Input: one image's {@link PredictionTable} (box centre and size in input pixels, class scores, and the
 * objectness where the family predicts one). Steps: candidates {@code obj > conf} (every row for a family without
 * objectness, whose obj counts as 1); score = {@code cls * obj}; best class = first argmax; keep when
 * {@code score > conf}; optional class filter; sort by score descending (ties in row order) and keep at most
 * {@value #MAX_NMS}; greedy IoU suppression on boxes shifted by {@code class * 7680} so that classes never
 * suppress each other (unless agnostic); at most {@code maxDet} results. Upstream's 0.5 s time limit is not
 * reproduced (it only ever truncates the result on slow machines).
 */
public final class Nms {
    /** Upstream's {@code max_wh}: the per-class box offset, larger than any image side. */
    static final float MAX_WH = 7680f;
    /** Upstream's {@code max_nms}: candidates beyond this many (by score) are dropped before suppression. */
    static final int MAX_NMS = 30000;

    private Nms() {
    }

    /** NMS over {@code raw} holding exactly one image's {@code rows x columns} predictions. */
    public static List<Detection> apply(float[] raw, int rows, int columns, NmsOptions options) {
        return apply(raw, 0, rows, columns, options);
    }

    /**
     * NMS over the {@code rows x columns} predictions that start at {@code offset} in {@code raw} (one image of a
     * batch); {@link Detection#row()} counts from {@code offset}.
     */
    public static List<Detection> apply(float[] raw, int offset, int rows, int columns, NmsOptions options) {
        if (columns < 6) {
            throw new IllegalArgumentException("a prediction row needs at least 6 columns, got " + columns);
        }
        return apply(new Yolov5Predictions(raw, offset, rows, columns), options);
    }

    /** NMS over one image's predictions, whatever the model family. */
    public static List<Detection> apply(PredictionTable predictions, NmsOptions options) {
        Candidates candidates = Candidates.select(predictions, options);
        return suppress(candidates, candidates.rankedByScore(MAX_NMS), options);
    }

    /** torchvision {@code nms} (CPU kernel) on the class-offset boxes, stopping once {@code maxDet} are kept. */
    private static List<Detection> suppress(Candidates c, int[] order, NmsOptions options) {
        int n = order.length;
        float[] x1 = new float[n];
        float[] y1 = new float[n];
        float[] x2 = new float[n];
        float[] y2 = new float[n];
        float[] area = new float[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            float shift = options.agnostic() ? 0f : c.classId[i] * MAX_WH;
            x1[k] = c.x1[i] + shift;
            y1[k] = c.y1[i] + shift;
            x2[k] = c.x2[i] + shift;
            y2[k] = c.y2[i] + shift;
            area[k] = (x2[k] - x1[k]) * (y2[k] - y1[k]);
        }
        boolean[] suppressed = new boolean[n];
        List<Detection> kept = new ArrayList<>();
        for (int k = 0; k < n && kept.size() < options.maxDet(); k++) {
            if (suppressed[k]) {
                continue;
            }
            int i = order[k];
            kept.add(new Detection(c.x1[i], c.y1[i], c.x2[i], c.y2[i], c.score[i], c.classId[i], c.row[i]));
            for (int m = k + 1; m < n; m++) {
                if (suppressed[m]) {
                    continue;
                }
                float w = Math.max(0f, Math.min(x2[k], x2[m]) - Math.max(x1[k], x1[m]));
                float h = Math.max(0f, Math.min(y2[k], y2[m]) - Math.max(y1[k], y1[m]));
                float inter = w * h;
                float iou = inter / (area[k] + area[m] - inter);
                // torchvision compares the float IoU with the threshold as a double.
                if ((double) iou > options.iouThreshold()) {
                    suppressed[m] = true;
                }
            }
        }
        return kept;
    }

    /** The rows that pass both confidence tests, with their xyxy box, best score and class. */
    private static final class Candidates {
        int size;
        int[] row = new int[64];
        int[] classId = new int[64];
        float[] score = new float[64];
        float[] x1 = new float[64];
        float[] y1 = new float[64];
        float[] x2 = new float[64];
        float[] y2 = new float[64];

        static Candidates select(PredictionTable t, NmsOptions options) {
            // torch compares a float32 tensor with a Python float in float32.
            float conf = (float) options.confThreshold();
            boolean objectness = t.hasObjectness();
            Candidates c = new Candidates();
            for (int r = 0; r < t.rows(); r++) {
                float obj = objectness ? t.get(r, PredictionField.OBJECTNESS) : 1f;
                if (objectness && !(obj > conf)) {
                    continue;
                }
                int best = 0;
                float bestScore = t.get(r, PredictionField.classScore(0)) * obj;
                for (int k = 1; k < t.classes(); k++) {
                    float s = t.get(r, PredictionField.classScore(k)) * obj;
                    if (s > bestScore) {
                        bestScore = s;
                        best = k;
                    }
                }
                if (!(bestScore > conf) || !options.keepsClass(best)) {
                    continue;
                }
                float cx = t.get(r, PredictionField.X);
                float cy = t.get(r, PredictionField.Y);
                float halfW = t.get(r, PredictionField.W) / 2f;
                float halfH = t.get(r, PredictionField.H) / 2f;
                c.add(r, best, bestScore, cx - halfW, cy - halfH, cx + halfW, cy + halfH);
            }
            return c;
        }

        private void add(int r, int cls, float s, float bx1, float by1, float bx2, float by2) {
            if (size == row.length) {
                int capacity = size * 2;
                row = Arrays.copyOf(row, capacity);
                classId = Arrays.copyOf(classId, capacity);
                score = Arrays.copyOf(score, capacity);
                x1 = Arrays.copyOf(x1, capacity);
                y1 = Arrays.copyOf(y1, capacity);
                x2 = Arrays.copyOf(x2, capacity);
                y2 = Arrays.copyOf(y2, capacity);
            }
            row[size] = r;
            classId[size] = cls;
            score[size] = s;
            x1[size] = bx1;
            y1[size] = by1;
            x2[size] = bx2;
            y2[size] = by2;
            size++;
        }

        /** Candidate indices by descending score, ties in row order, at most {@code limit}. */
        int[] rankedByScore(int limit) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(score[b], score[a]));
            return Arrays.stream(order).limit(limit).mapToInt(Integer::intValue).toArray();
        }
    }
}
