package dev.yolocam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders: claimed atomically, checked for writing up front, removed again when a run wrote nothing. */
class OutputDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void runsStartedTogetherClaimDistinctFolders() throws Exception {
        int runs = 16;
        Path requested = temp.resolve("runs/explain/exp");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Path>> claims = IntStream.range(0, runs).mapToObj(i -> pool.submit((Callable<Path>) () -> {
                start.await();
                return OutputDirectory.claim(requested, false).path();
            })).toList();
            start.countDown();
            Set<Path> folders = new HashSet<>();
            for (Future<Path> claim : claims) {
                Path folder = claim.get();
                assertTrue(Files.isDirectory(folder), folder + " exists once claimed");
                folders.add(folder.toAbsolutePath());
            }
            assertEquals(runs, folders.size(), "every run has a folder of its own: " + folders);
            assertTrue(folders.contains(requested.toAbsolutePath()) && folders.contains(
                    temp.resolve("runs/explain/exp" + runs).toAbsolutePath()), folders.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void existOkReusesTheNamedFolderAndKeepsItWhenItExistedBefore() throws IOException {
        Path requested = Files.createDirectories(temp.resolve("mine"));
        OutputDirectory first = OutputDirectory.claim(requested, true);
        OutputDirectory second = OutputDirectory.claim(requested, true);
        assertEquals(requested, first.path());
        assertEquals(requested, second.path());
        second.removeIfEmpty();
        assertTrue(Files.isDirectory(requested), "a folder the user had is not removed");
    }

    @Test
    void aClaimedFolderThatStaysEmptyIsRemovedAndOneWithFilesIsKept() throws IOException {
        OutputDirectory empty = OutputDirectory.claim(temp.resolve("exp"), false);
        OutputDirectory used = OutputDirectory.claim(temp.resolve("exp"), false);
        Files.writeString(used.resolve("a.json"), "{}");
        empty.removeIfEmpty();
        used.removeIfEmpty();
        assertFalse(Files.exists(empty.path()));
        assertTrue(Files.exists(used.resolve("a.json")));
    }

    @Test
    void aFolderThatCannotBeCreatedFailsAtOnceNamingItAndTheReason() throws IOException {
        Path file = Files.writeString(temp.resolve("plain-file"), "x");
        for (boolean existOk : new boolean[] {false, true}) {
            YolocamException e = assertThrows(YolocamException.class,
                    () -> OutputDirectory.claim(file.resolve("exp"), existOk));
            String message = e.getMessage();
            assertFalse(message.contains("\n"), message);
            assertTrue(message.startsWith("yolocam: " + file.resolve("exp") + ": "), message);
            assertTrue(message.contains("not a directory"), message);
        }
    }

    @Test
    void anExistingFileWhereTheFolderShouldBeIsRefusedWithExistOk() throws IOException {
        Path file = Files.writeString(temp.resolve("exp"), "x");
        YolocamException e = assertThrows(YolocamException.class, () -> OutputDirectory.claim(file, true));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void theWriteCheckLeavesNothingBehind() throws IOException {
        OutputDirectory out = OutputDirectory.claim(temp.resolve("exp"), false);
        try (var entries = Files.list(out.path())) {
            assertEquals(0, entries.count());
        }
    }
}
