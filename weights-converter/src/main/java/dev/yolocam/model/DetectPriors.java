package dev.yolocam.model;

import java.util.List;

/**
 * What YOLOv5 v7.0's {@code DetectionModel.__init__} puts into a new Detect head besides random weights: the
 * anchors in grid units ({@code check_anchor_order}, then divided by the stride, in float32) and the bias priors of
 * {@code _initialize_biases} (about 8 objects per 640x640 image, classes equally likely).
 */
final class DetectPriors {
    private final float[][][] anchors;
    private final double[] strides;
    private final long classes;

    /**
     * @param yamlAnchors the YAML's {@code anchors}: per level a flat list {@code w0, h0, w1, h1, ...} in pixels
     * @param strides     the Detect stride of each level
     */
    DetectPriors(List<?> yamlAnchors, double[] strides, long classes) {
        if (yamlAnchors.size() != strides.length) {
            throw new IllegalArgumentException(yamlAnchors.size() + " anchor levels for " + strides.length
                    + " strides");
        }
        this.strides = strides.clone();
        this.classes = classes;
        this.anchors = pixels(yamlAnchors);
        checkAnchorOrder();
    }

    int levels() {
        return anchors.length;
    }

    int anchorsPerLevel() {
        return anchors[0].length;
    }

    /** The Detect {@code anchors} buffer, (nl, na, 2) in C order, in grid units. */
    float[] anchorsGridUnits() {
        int na = anchorsPerLevel();
        float[] out = new float[levels() * na * 2];
        for (int k = 0; k < levels(); k++) {
            float stride = (float) strides[k];
            for (int a = 0; a < na; a++) {
                out[(k * na + a) * 2] = anchors[k][a][0] / stride;
                out[(k * na + a) * 2 + 1] = anchors[k][a][1] / stride;
            }
        }
        return out;
    }

    /** Adds the priors to the bias of level k's output conv, viewed as (na, 5 + nc): objectness and classes. */
    void addBiasPriors(int level, float[] bias) {
        long no = classes + 5;
        if (bias.length != anchorsPerLevel() * no) {
            throw new IllegalArgumentException("Detect level " + level + " has " + bias.length + " biases, expected "
                    + anchorsPerLevel() * no);
        }
        double objectness = Math.log(8 / Math.pow(640 / strides[level], 2));
        double cls = Math.log(0.6 / (classes - 0.99999));
        for (int a = 0; a < anchorsPerLevel(); a++) {
            int row = (int) (a * no);
            bias[row + 4] += (float) objectness;
            for (int c = 5; c < no; c++) {
                bias[row + c] += (float) cls;
            }
        }
    }

    private static float[][][] pixels(List<?> yamlAnchors) {
        float[][][] out = new float[yamlAnchors.size()][][];
        for (int k = 0; k < out.length; k++) {
            if (!(yamlAnchors.get(k) instanceof List<?> row) || row.isEmpty() || row.size() % 2 != 0) {
                throw new IllegalArgumentException("anchors level " + k + " is not a list of (w, h) pairs: "
                        + yamlAnchors.get(k));
            }
            out[k] = new float[row.size() / 2][2];
            for (int i = 0; i < row.size(); i++) {
                out[k][i / 2][i % 2] = ((Number) row.get(i)).floatValue();
            }
            if (out[k].length != out[0].length) {
                throw new IllegalArgumentException("anchors levels differ in their number of anchors");
            }
        }
        return out;
    }

    /** {@code check_anchor_order}: anchor areas must grow with the stride, else the levels are reversed. */
    private void checkAnchorOrder() {
        double areaChange = meanArea(anchors[levels() - 1]) - meanArea(anchors[0]);
        double strideChange = strides[levels() - 1] - strides[0];
        if (areaChange != 0 && Math.signum(areaChange) != Math.signum(strideChange)) {
            for (int i = 0, j = levels() - 1; i < j; i++, j--) {
                float[][] swap = anchors[i];
                anchors[i] = anchors[j];
                anchors[j] = swap;
            }
        }
    }

    private static double meanArea(float[][] level) {
        double sum = 0;
        for (float[] wh : level) {
            sum += wh[0] * wh[1];
        }
        return sum / level.length;
    }
}
