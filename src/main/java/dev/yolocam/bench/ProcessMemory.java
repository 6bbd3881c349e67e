package dev.yolocam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of this process, current and peak, from /proc/self/status (Linux; -1 elsewhere). */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    public static long residentMiB() {
        return field("VmRSS:");
    }

    public static long peakResidentMiB() {
        return field("VmHWM:");
    }

    /** Starts a new peak at the current RSS (Linux: /proc/self/clear_refs); false where that is not possible. */
    public static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
