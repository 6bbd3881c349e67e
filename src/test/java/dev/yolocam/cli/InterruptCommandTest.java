package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.yolocam.testing.ChildJvm;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in a real process: one line saying so (and how far a run got), exit code 130, no .part files, no empty
 * run folder.
 */
class InterruptCommandTest {
    private static final int IMAGES = 40;

    @TempDir
    Path temp;

    @Test
    void ctrlCDuringExplainSaysHowFarItGotAndExits130() throws Exception {
        Path images = Files.createDirectories(temp.resolve("images"));
        for (int i = 0; i < IMAGES; i++) {
            Files.copy(Oracle.testdata().resolve("default/images/test_000" + (i % 4) + ".png"),
                    images.resolve(String.format("img%02d.png", i)));
        }
        Path out = temp.resolve("exp");
        Path stderr = temp.resolve("stderr.txt");
        ChildJvm child = ChildJvm.start(stderr, Main.class, "explain", "--weights",
                Oracle.testdata().resolve("default/shapes-yolov5n.pt").toString(), "--imgsz", "320",
                "--images-per-pass", "1", "--save", "json", "--no-metrics", "-q", "--out", out.toString(),
                images.toString());
        try {
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (jsonFiles(out).isEmpty()) {
                assertTrue(child.isAlive(), "the child died: " + Files.readString(stderr));
                assertTrue(System.nanoTime() < deadline, "no image explained in 300 s");
                Thread.sleep(20);
            }
            child.interrupt();
            assertEquals(130, child.exitCode(120));
            List<String> lines = Files.readAllLines(stderr).stream().filter(l -> !l.isBlank()).toList();
            String last = lines.isEmpty() ? "(nothing on stderr)" : lines.get(lines.size() - 1);
            Matcher m = Pattern.compile("yolocam: interrupted after (\\d+) of " + IMAGES + " images").matcher(last);
            assertTrue(m.matches(), String.join("\n", lines));
            int done = Integer.parseInt(m.group(1));
            assertTrue(done >= 1 && done < IMAGES, last);
            try (Stream<Path> files = Files.list(out)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no .part files");
            }
        } finally {
            child.kill();
        }
    }

    @Test
    void ctrlCBeforeTheFirstImageLeavesNoRunFolder() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch testEnded = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requested.countDown();
            try {
                testEnded.await(); // a server that never answers: the child waits in the download
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        Path out = temp.resolve("exp");
        Path stderr = temp.resolve("stderr.txt");
        ChildJvm child = ChildJvm.start(stderr, Main.class, "detect", "--weights",
                Oracle.testdata().resolve("default/shapes-yolov5n.pt").toString(), "--out", out.toString(),
                "http://127.0.0.1:" + server.getAddress().getPort() + "/slow.png");
        try {
            assertTrue(requested.await(300, TimeUnit.SECONDS), "the child asked for the image");
            assertTrue(Files.isDirectory(out), "the run folder is claimed before the download");
            child.interrupt();
            assertEquals(130, child.exitCode(120));
            assertEquals(List.of("yolocam: interrupted"),
                    Files.readAllLines(stderr).stream().filter(l -> !l.isBlank()).toList());
            assertFalse(Files.exists(out), "the empty run folder is removed");
        } finally {
            child.kill();
            testEnded.countDown();
            server.stop(0);
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
    }
}
