package dev.yolocam.testing.fuzz;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a fuzz suite's cases and its most expensive ones, for the summary line printed after the suite. */
final class FuzzStats {
    private long cases;
    private long loaded;
    private long refused;
    private long slowestNanos = -1;
    private String slowest = "none";
    private long mostAllocated = -1;
    private String mostAllocating = "none";
    private final Map<String, Long> notes = new TreeMap<>();
    private final Map<String, String> examples = new TreeMap<>();

    synchronized void record(String description, boolean wasLoaded, long nanos, long allocatedBytes) {
        cases++;
        if (wasLoaded) {
            loaded++;
        } else {
            refused++;
        }
        if (nanos > slowestNanos) {
            slowestNanos = nanos;
            slowest = description;
        }
        if (allocatedBytes > mostAllocated) {
            mostAllocated = allocatedBytes;
            mostAllocating = description;
        }
    }

    synchronized void note(String what) {
        notes.merge(what, 1L, Long::sum);
    }

    /** Counts {@code what} and keeps the first {@code example} of it. */
    synchronized void example(String what, String example) {
        note(what);
        examples.putIfAbsent(what, example);
    }

    /** {@code fuzz: <suite> <count> cases, <loaded> loaded, <refused> refused, slowest <ms> ms (<mutation>)}. */
    synchronized String summary(String suite) {
        return String.format(Locale.ROOT, "fuzz: %s %d cases, %d loaded, %d refused, slowest %d ms (%s)", suite,
                cases, loaded, refused, slowestNanos / 1_000_000, slowest);
    }

    /** The largest allocation and the extra counters, then one line per kept example. */
    synchronized String details(String suite) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "fuzz: %s most allocated %.1f MiB (%s); %s",
                suite, mostAllocated / (double) FuzzBounds.MIB, mostAllocating, notes));
        examples.forEach((what, example) -> out.append(System.lineSeparator())
                .append("fuzz: ").append(suite).append(" first ").append(what).append(": ").append(example));
        return out.toString();
    }
}
