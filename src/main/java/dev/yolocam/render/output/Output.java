package dev.yolocam.render.output;

/**
 * One kind of file a command writes per picture: explain's overlay, heatmap, boxes, concat, npy and json; detect's
 * json and annotated picture; sweep's layer overlays, grid and page. A new kind is one class implementing this and
 * one line registering it, in {@link Outputs} or through {@link OutputRegistry#register}.
 *
 * @param <P> what the command made of one picture: {@link ExplainedPicture}, {@link DetectedPicture} or
 *            {@link SweptPicture}
 */
public interface Output<P extends OutputPicture> {
    /** The name {@code --save} selects it by: lower-case letters, digits and underscores. */
    String name();

    /** Writes this kind's files of one picture, each complete or not at all, under {@link OutputPicture#file}. */
    void write(P picture);

    /**
     * True for a picture that a video frame draws into the video's annotated copy instead: for a frame this output
     * writes no file of its own. False (the default): every picture, frames included, gets this output's files.
     */
    default boolean framesGoToVideo() {
        return false;
    }
}
