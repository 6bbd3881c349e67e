package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder that cannot be made or written is found before any work: one line naming the folder and the
 * reason. The model given is not a checkpoint at all, so a command that got as far as loading it would say so instead.
 */
class OutputFolderCommandTest {
    @TempDir
    Path temp;

    private Path blocker;
    private String notAModel;

    @BeforeEach
    void files() throws IOException {
        blocker = Files.writeString(temp.resolve("a-file"), "a file where a folder should be\n");
        notAModel = Files.writeString(temp.resolve("best.pt"), "not a checkpoint\n").toString();
    }

    @Test
    void imageCommandsCheckTheRunFolderFirst() {
        Path out = blocker.resolve("exp");
        for (String command : List.of("explain", "sweep", "detect")) {
            assertFailsOnTheFolder(out, Cli.run(command, "--weights", notAModel, "--out", out.toString()));
        }
    }

    @Test
    void convertChecksTheFolderOfItsOutputFirst() {
        Path folder = blocker.resolve("models");
        assertFailsOnTheFolder(folder, Cli.run("convert", "--weights", notAModel, "-o",
                folder.resolve("best.yolocam").toString()));
    }

    @Test
    void benchChecksTheFolderOfItsJsonFirst() {
        Path folder = blocker.resolve("bench");
        assertFailsOnTheFolder(folder, Cli.run("bench", "--weights", notAModel, "--runs", "1", "--warmup", "0",
                "--json", folder.resolve("bench.json").toString()));
    }

    @Test
    void aRunThatFailsAfterClaimingItsFolderLeavesNoFolder() {
        Path out = temp.resolve("runs/exp");
        Cli.Result r = Cli.run("detect", "--weights", notAModel, "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("best.pt"), r.err());
        assertFalse(Files.exists(out));
    }

    private static void assertFailsOnTheFolder(Path folder, Cli.Result r) {
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().startsWith("yolocam: " + folder + ": ") && r.err().contains("not a directory"), r.err());
        assertFalse(r.err().contains("best.pt"), "failed before loading the model: " + r.err());
    }
}
