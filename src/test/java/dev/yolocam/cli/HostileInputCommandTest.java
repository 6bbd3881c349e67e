package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.testing.Oracle;
import dev.yolocam.torch.CheckpointZipBuilder;
import dev.yolocam.torch.PickleBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files through the real command line: one line naming file and problem, exit 1, nothing executed. */
class HostileInputCommandTest {
    @TempDir
    Path temp;

    @Test
    void aPickleThatCallsPosixSystemIsRefusedAndTheCommandNeverRuns() {
        Path marker = temp.resolve("pwned");
        byte[] pickle = PickleBuilder.protocol(2).global("posix", "system").str("touch " + marker)
                .op(PickleBuilder.TUPLE1).op(PickleBuilder.REDUCE).stop();
        Path evil = CheckpointZipBuilder.archive().pickle(pickle).writeTo(temp.resolve("evil.pt"));
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("explain", "--weights", evil.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("evil.pt") && r.err().contains("posix.system"), r.err());
        assertFalse(Files.exists(marker), "the command named in the pickle did not run");
        assertFalse(Files.exists(out), "no output directory");
    }

    @Test
    void aTruncatedCheckpointIsOneLine() throws IOException {
        byte[] real = Files.readAllBytes(Oracle.testdata().resolve("default/shapes-yolov5n.pt"));
        Path cut = Files.write(temp.resolve("half.pt"), Arrays.copyOf(real, real.length / 2));
        Cli.Result r = Cli.run("detect", "--weights", cut.toString(), "--out", temp.resolve("exp").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("half.pt"), r.err());
    }

    @Test
    void aJpegWithGarbageAfterItsHeaderIsReportedAndTheRunFails() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        byte[] jpeg = new byte[garbage.length + 4];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;
        System.arraycopy(garbage, 0, jpeg, 4, garbage.length);
        Path image = Files.write(temp.resolve("broken.jpg"), jpeg);
        Cli.Result r = Cli.run("detect", "--weights", Oracle.testdata().resolve("default/shapes-yolov5n.pt").toString(),
                "--out", temp.resolve("exp").toString(), image.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("yolocam: ") && l.contains("broken.jpg")), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
    }
}
