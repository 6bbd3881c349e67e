package dev.yolocam.render.output;

/**
 * The outputs of each command, one registration line each, written in this order: a new output is one class and
 * one line here (or, from outside, one {@link OutputRegistry#register} call before the command runs).
 */
public final class Outputs {
    /** What {@code yolocam explain --save} can name. */
    public static final OutputRegistry<ExplainedPicture> EXPLAIN = new OutputRegistry<>(
            new OverlayOutput(),
            new HeatmapOutput(),
            new BoxesOutput(),
            new ConcatOutput(),
            new NpyOutput(),
            new MissesOutput(),
            new ExplainJsonOutput());

    /** What {@code yolocam detect} writes for every picture. */
    public static final OutputRegistry<DetectedPicture> DETECT = new OutputRegistry<>(
            new DetectJsonOutput(),
            new AnnotatedOutput());

    /** What {@code yolocam sweep} writes for every picture. */
    public static final OutputRegistry<SweptPicture> SWEEP = new OutputRegistry<>(
            new SweepLayersOutput(),
            new SweepGridOutput(),
            new SweepPageOutput());

    private Outputs() {
    }
}
