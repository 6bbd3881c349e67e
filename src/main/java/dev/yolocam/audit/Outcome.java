package dev.yolocam.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What one audit row records: a detection that found a labelled object, one that found none, a missed object, or an
 * image that could not be audited.
 */
public enum Outcome {
    /** A detection matched to a label of its class at IoU >= 0.5 (one label per detection, by confidence). */
    TP,
    /** A detection that no unmatched label of its class overlaps at IoU >= 0.5. */
    FP,
    /** A labelled object no kept detection matched. */
    MISS,
    /** The image could not be read or audited; the row's {@code error} says why. */
    ERROR;

    /** The name in the row files: {@code tp}, {@code fp}, {@code miss}, {@code error}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Outcome ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
