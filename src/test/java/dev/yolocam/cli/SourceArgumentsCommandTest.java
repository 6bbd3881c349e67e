package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SOURCE as a user gives it on the command line: absolute globs, URLs, the wrong kind of .txt, --source. */
class SourceArgumentsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String model() {
        return Oracle.testdata().resolve("default/shapes-yolov5n.pt").toString();
    }

    private static Path image(String name) {
        return Oracle.testdata().resolve("default/images").resolve(name).toAbsolutePath();
    }

    @Test
    void anAbsoluteGlobIsExpanded() {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("detect", "--weights", model(), "--imgsz", "320", "-q", "--out", out.toString(),
                image("test_000[01].png").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(out.resolve("test_0000.json")) && Files.exists(out.resolve("test_0001.json")));
    }

    @Test
    void aUrlIsExplainedLikeTheSameFileOnDisk() throws IOException {
        byte[] png = Files.readAllBytes(image("test_0001.png"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data/test_0001.png?size=full";
            Cli.Result fromUrl = Cli.run("explain", "--weights", model(), "--imgsz", "320", "--save", "json",
                    "--no-metrics", "-q", "--out", temp.resolve("url").toString(), url);
            assertEquals(0, fromUrl.exitCode(), fromUrl.err());
            Cli.Result fromDisk = Cli.run("explain", "--weights", model(), "--imgsz", "320", "--save", "json",
                    "--no-metrics", "-q", "--out", temp.resolve("disk").toString(), image("test_0001.png").toString());
            assertEquals(0, fromDisk.exitCode(), fromDisk.err());
            JsonNode a = JSON.readTree(temp.resolve("url/test_0001.json").toFile());
            JsonNode b = JSON.readTree(temp.resolve("disk/test_0001.json").toFile());
            assertTrue(a.path("detections").size() > 0, a.toString());
            assertEquals(url, a.path("image").asText(), "the JSON names the URL, not the temporary copy");
            ((ObjectNode) a).remove("image");
            ((ObjectNode) b).remove("image");
            assertEquals(b, a);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aYoloLabelFileGivenAsSourceIsOneLine() {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("detect", "--weights", model(), "--out", out.toString(),
                image("test_0000.txt").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("test_0000.txt") && r.err().contains("YOLO label file"),
                r.err());
        assertTrue(Files.notExists(out), "no output directory");
    }

    @Test
    void anUnreadableSchemeIsOneLine() {
        Cli.Result r = Cli.run("detect", "--weights", model(), "--out", temp.resolve("exp").toString(),
                "rtsp://camera.local/stream1");
        assertEquals(1, r.exitCode());
        assertTrue(r.oneLineError() && r.err().contains("rtsp://camera.local/stream1: rtsp:// sources are not read"),
                r.err());
    }

    @Test
    void helpShowsTheSourceOptionAndWhatASourceMayBe() {
        for (String command : List.of("explain", "detect", "sweep")) {
            Cli.Result r = Cli.run(command, "--help");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("--source=SOURCE") && r.out().contains("http(s)://"), command + ":\n" + r.out());
        }
    }

    @Test
    void sourceOptionReadsImagesInEveryImageCommand() {
        Path out = temp.resolve("exp");
        Cli.Result r = Cli.run("detect", "--weights", model(), "--imgsz", "320", "-q", "--out", out.toString(),
                "--source", image("test_0002.png").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(out.resolve("test_0002.json")));
    }
}
