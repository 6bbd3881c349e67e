package dev.yolocam.detect;

/**
 * One box kept by {@link Nms}. Coordinates are corners in pixels of some frame: the network input (letterboxed)
 * as {@link Nms} returns them, or the original image after {@link BoxScaler}.
 *
 * @param x1         left
 * @param y1         top
 * @param x2         right
 * @param y2         bottom
 * @param confidence objectness x class probability of the best class
 * @param classId    the best class (first on ties)
 * @param row        index of the raw prediction row (within one image's output) that produced the box
 */
public record Detection(float x1, float y1, float x2, float y2, float confidence, int classId, int row) {

    /** The same detection with other corners (another frame). */
    public Detection withBox(float newX1, float newY1, float newX2, float newY2) {
        return new Detection(newX1, newY1, newX2, newY2, confidence, classId, row);
    }

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }
}
