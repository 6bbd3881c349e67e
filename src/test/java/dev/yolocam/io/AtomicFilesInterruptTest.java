package dev.yolocam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in the middle of writing a file leaves neither the file nor its temporary .part behind. */
class AtomicFilesInterruptTest {
    @TempDir
    Path temp;

    /** Run in the child JVM: starts writing {@code args[0]}, says so on stderr, and never finishes. */
    public static final class WriterThatNeverFinishes {
        public static void main(String[] args) {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write(new byte[1000]);
                out.flush();
                System.err.println("writing");
                System.err.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void ctrlCWhileWritingLeavesNoPartFile() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        Path stderr = temp.resolve("stderr.txt");
        ChildJvm child = ChildJvm.start(stderr, WriterThatNeverFinishes.class, out.resolve("a.json").toString());
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.readString(stderr).contains("writing")) {
                assertTrue(child.isAlive() && System.nanoTime() < deadline, "the child started writing");
                Thread.sleep(20);
            }
            assertEquals(1, list(out).size(), "the temporary file exists while writing: " + list(out));
            child.interrupt();
            assertEquals(130, child.exitCode(60));
            assertEquals(List.of(), list(out), "nothing left behind");
        } finally {
            child.kill();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
