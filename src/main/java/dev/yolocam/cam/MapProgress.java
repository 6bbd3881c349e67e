package dev.yolocam.cam;

/**
 * How far the forward passes behind one image's maps got, for the slow methods (D-RISE's thousands of masked
 * copies); the command line draws a progress bar from it.
 */
@FunctionalInterface
public interface MapProgress {
    MapProgress NONE = (done, total) -> {
    };

    /** {@code done} of {@code total} perturbed inputs have been through the model. */
    void passed(int done, int total);
}
