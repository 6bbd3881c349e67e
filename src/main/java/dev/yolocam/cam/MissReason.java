package dev.yolocam.cam;

import java.util.Locale;

/** Why a labelled object has no kept detection of its class, judged on its best-matching prediction row. */
public enum MissReason {
    /** The row predicts the labelled class, but its score is not above --conf. */
    BELOW_CONF,
    /** The row passed --conf for the labelled class, and a kept box of that class suppressed it. */
    NMS,
    /** The row passed --conf, for another class: that class won. */
    WRONG_CLASS,
    /** No prediction row overlaps the label at IoU >= 0.5. */
    NO_CANDIDATE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
