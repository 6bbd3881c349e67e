package dev.yolocam.testing;

/**
 * The one rule for comparing our float32 results with a float32 reference computed elsewhere (PyTorch, another CPU,
 * other oneDNN kernels): {@code tolerance = SAFETY_FACTOR x max(measured, FLOOR_ULPS float32 ulps of magnitude)}.
 *
 * <p>{@code measured} is how far the reference's float32 result lies from the same computation in float64 (the
 * oracle's {@code precision_fp64.json}, or the fixtures' {@code <prefix>.precision_fp64.json} that generate.py
 * writes). Our result carries a rounding error of the same kind, so two float32 results can lie about twice that
 * apart; and the measured bound is one sample of a rounding pattern that another summation order changes (measured:
 * our results on AVX-512, AVX2 and SSE4.1 kernels lie up to 7 times the bound from the reference, ScoreCAM on a
 * target summed over every row, whose softmax over channel scores amplifies rounding; everything else within 3.3
 * times). Hence the factor 16 = 2 (two float32 sides) x 8 (spread of that sample). The floor keeps a bound measured
 * as 0 or nearly 0 (an all-zero map, an exactly representable value) from demanding more than float32 accumulation
 * order can keep.
 */
public record Tolerance(String what, double measured, double magnitude) {
    public static final double SAFETY_FACTOR = 16;
    public static final int FLOOR_ULPS = 4;

    /** A bound on absolute differences of values whose largest magnitude is {@code magnitude}. */
    public static Tolerance absolute(String what, double measured, double magnitude) {
        return new Tolerance(what, measured, magnitude);
    }

    /** A bound on differences relative to the largest magnitude (the measured bound already relative). */
    public static Tolerance relative(String what, double measuredRelative) {
        return new Tolerance(what, measuredRelative, 1.0);
    }

    public double value() {
        return SAFETY_FACTOR * Math.max(measured, FLOOR_ULPS * Math.ulp((float) Math.abs(magnitude)));
    }

    public boolean admits(double difference) {
        return difference <= value();
    }

    /** How the tolerance was made, for assertion messages and the parity printouts. */
    @Override
    public String toString() {
        return String.format("%s: tolerance %.2e = %.0f x max(measured float32-vs-float64 %.2e, %d ulp of %.3g)",
                what, value(), SAFETY_FACTOR, measured, FLOOR_ULPS, magnitude);
    }
}
