package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.testing.ChildJvm;
import dev.yolocam.testing.Oracle;
import dev.yolocam.testing.SampleDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit killed at a random point (SIGKILL: no shutdown hooks; SIGINT: Ctrl-C) and started again with the same
 * command ends with exactly the rows of an uninterrupted run: no image twice, none lost, no temporary file left.
 */
class AuditResumeTest {
    private static final Path MODEL = Oracle.testdata().resolve("default/shapes-yolov5n.pt");
    private static final int IMAGES = 4;

    @TempDir
    Path tmp;

    private enum Signal { KILL, INT }

    /** When to stop the run: after {@code linesFirst} journal lines, then a random few milliseconds. */
    private record KillPoint(Signal signal, int linesFirst) {
    }

    @Test
    void killedAtRandomPointsAndStartedAgainItEndsWithTheRowsOfAnUninterruptedRun() throws Exception {
        Path data = SampleDataset.copy(tmp.resolve("data"), IMAGES);
        Path reference = tmp.resolve("reference");
        assertEquals(0, run(data, reference).exitCode(120), "the uninterrupted run");
        String expected = Files.readString(reference.resolve("rows.jsonl"));

        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<KillPoint> points = List.of(new KillPoint(Signal.KILL, 0), new KillPoint(Signal.KILL, 1 + random.nextInt(2)),
                new KillPoint(Signal.INT, 1 + random.nextInt(IMAGES - 1)));
        for (KillPoint point : points) {
            Path out = tmp.resolve("killed-" + point.signal() + "-" + point.linesFirst());
            ChildJvm child = run(data, out);
            try {
                awaitJournalLines(out, point.linesFirst(), child);
                Thread.sleep(random.nextInt(400));
                if (point.signal() == Signal.KILL) {
                    child.kill();
                } else {
                    child.interrupt();
                }
                child.exitCode(60);
            } finally {
                child.kill();
            }
            int resumed = run(data, out).exitCode(120);
            String context = point + " (seed " + seed + ")";
            assertEquals(0, resumed, context);
            assertEquals(expected, Files.readString(out.resolve("rows.jsonl")), context);
            List<String> journal = Files.readAllLines(out.resolve("journal.jsonl"));
            assertEquals(IMAGES, journal.size(), "one journal line per image: " + context);
            try (Stream<Path> files = Files.walk(out)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "leftovers: " + context);
            }
        }
    }

    private ChildJvm run(Path data, Path out) throws IOException {
        return ChildJvm.start(tmp.resolve("stderr-" + out.getFileName() + "-" + System.nanoTime() + ".txt"),
                Main.class, "audit", "--weights", MODEL.toString(), "--data", data.toString(), "--imgsz", "320",
                "--out", out.toString(), "-q");
    }

    private static void awaitJournalLines(Path out, int lines, ChildJvm child) throws Exception {
        Path journal = out.resolve("journal.jsonl");
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (lines == 0 || Files.exists(journal) && Files.readString(journal).chars().filter(c -> c == '\n')
                    .count() >= lines) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the audit never wrote " + lines + " journal lines");
    }
}
