package dev.yolocam.head;

/**
 * One field of a prediction row, the same for every model family: the box centre and size in network-input pixels,
 * the objectness (only for families that predict one) and the score of a class.
 */
public record PredictionField(Kind kind, int classId) {
    public enum Kind { X, Y, W, H, OBJECTNESS, CLASS }

    public static final PredictionField X = new PredictionField(Kind.X, -1);
    public static final PredictionField Y = new PredictionField(Kind.Y, -1);
    public static final PredictionField W = new PredictionField(Kind.W, -1);
    public static final PredictionField H = new PredictionField(Kind.H, -1);
    public static final PredictionField OBJECTNESS = new PredictionField(Kind.OBJECTNESS, -1);

    public static PredictionField classScore(int classId) {
        if (classId < 0) {
            throw new IllegalArgumentException("class id must not be negative, got " + classId);
        }
        return new PredictionField(Kind.CLASS, classId);
    }
}
