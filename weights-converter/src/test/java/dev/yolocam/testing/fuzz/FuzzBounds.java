package dev.yolocam.testing.fuzz;

import java.time.Duration;

/**
 * What one fuzz case may cost before it counts as a failure.
 *
 * @param maxTime           CPU time of one case (the hard timeout, 5x this, is wall time)
 * @param maxAllocatedBytes heap bytes one case may allocate in all (garbage included)
 * @param maxRetainedBytes  heap in use after a case, once garbage is collected
 */
public record FuzzBounds(Duration maxTime, long maxAllocatedBytes, long maxRetainedBytes) {
    public static final long MIB = 1L << 20;
}
