package dev.yolocam.head;

/**
 * One image's predictions, decoded from the raw head output by the model family's decoder: a row per candidate
 * box with its {@link PredictionField}s. Targets, and through them the seeds of the backward pass, see only this
 * table; where a field lives in the raw tensor ({@link #rawIndex}) is the decoder's business. As long as the fields
 * are values of the raw tensor itself (YOLOv5's post-sigmoid output), a gradient on a field is the gradient on that
 * raw value.
 */
public interface PredictionTable {
    int rows();

    int classes();

    /** Whether the family predicts an objectness per row (YOLOv5 does; anchor-free heads do not). */
    boolean hasObjectness();

    /** The value of {@code field} in {@code row}. */
    float get(int row, PredictionField field);

    /** Where {@code field} of {@code row} lies in the raw output this table reads. */
    int rawIndex(int row, PredictionField field);

    /** Size of the raw output this table reads (the length of a gradient on it). */
    int rawLength();
}
