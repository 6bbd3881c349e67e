package dev.yolocam.cam;

import java.util.Locale;

/**
 * What score a map explains, evaluated on the predictions of the Detect output (post-sigmoid). All but
 * {@link #CLASS_ALL} sum over the rows that produced the kept detections.
 */
public enum TargetKind {
    CLASS("class probability of each detection's class at its row (default)"),
    OBJ("objectness at each detection's row"),
    CLASS_OBJ("objectness x class probability (the detection confidence)"),
    X("box centre x at each detection's row"),
    Y("box centre y at each detection's row"),
    W("box width at each detection's row"),
    H("box height at each detection's row"),
    L("distance from the row's anchor point to the box's left side, in grid cells: the DFL expectation "
            + "(anchor-free families)"),
    T("distance from the anchor point to the box's top side, in grid cells (anchor-free families)"),
    R("distance from the anchor point to the box's right side, in grid cells (anchor-free families)"),
    B("distance from the anchor point to the box's bottom side, in grid cells (anchor-free families)"),
    CLASS_ALL("class probability of the selected classes summed over ALL rows (the old explainer's target)");

    private final String summary;

    TargetKind(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }

    /** Whether the kind reads the objectness, which only some model families predict. */
    public boolean needsObjectness() {
        return this == OBJ || this == CLASS_OBJ;
    }

    /** Whether the kind is a side distance from an anchor point, which only anchor-free heads predict. */
    public boolean needsAnchorFreeHead() {
        return this == L || this == T || this == R || this == B;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown target '" + text + "'; use one of class, obj, class_obj, "
                    + "x, y, w, h, l, t, r, b, class_all");
        }
    }
}
