package dev.yolocam.io;

import static dev.yolocam.io.OneLineError.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URL sources against a local HTTP server: what is kept, and one line for every way a download fails. */
class HttpDownloadsTest {
    private static final byte[] IMAGE = new byte[3000];
    /** Timeouts for the stalling servers; other downloads get ample time (a loaded machine is slow to start). */
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration AMPLE = Duration.ofSeconds(30);

    static {
        new java.util.Random(1).nextBytes(IMAGE);
    }

    @TempDir
    Path folder;

    private HttpServer server;
    private ExecutorService serverThreads;
    /** Released when the test ends: handlers that stall wait on it. */
    private final CountDownLatch testEnded = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        testEnded.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HttpDownloads downloads(long maxBytes) {
        return new HttpDownloads(new HttpDownloads.Limits(maxBytes, AMPLE, AMPLE, 5), folder);
    }

    private HttpDownloads impatientDownloads() {
        return new HttpDownloads(new HttpDownloads.Limits(1 << 20, AMPLE, SHORT, 5), folder);
    }

    private void serve(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Test
    void theFileIsSavedUnderTheNameOfTheUrlPathWithoutTheQuery() throws IOException {
        serve("/images/", e -> send(e, "image/png", IMAGE));
        Path file = downloads(1 << 20).download(url("/images/street%20view.png?token=abc"));
        assertEquals("street view.png", file.getFileName().toString());
        assertArrayEquals(IMAGE, Files.readAllBytes(file));
    }

    @Test
    void aNameWithoutAnImageSuffixTakesItFromTheContentType() {
        serve("/render", e -> send(e, "image/jpeg; charset=binary", IMAGE));
        assertEquals("render.jpg", downloads(1 << 20).download(url("/render?id=7")).getFileName().toString());
        assertEquals("download.jpg", downloads(1 << 20).download(url("/render/")).getFileName().toString());
    }

    @Test
    void twoUrlsWithTheSameFileNameDoNotOverwriteEachOther() throws IOException {
        serve("/a/", e -> send(e, "image/png", new byte[] {1}));
        serve("/b/", e -> send(e, "image/png", new byte[] {2}));
        HttpDownloads downloads = downloads(1 << 20);
        Path a = downloads.download(url("/a/x.png"));
        Path b = downloads.download(url("/b/x.png"));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(a));
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(b));
    }

    @Test
    void aMissingFileIsOneLineWithTheStatus() {
        URI missing = url("/nothing/here.jpg");
        YolocamException e = assertThrows(YolocamException.class, () -> downloads(1 << 20).download(missing));
        assertOneLine(e, "yolocam: " + missing + ": HTTP 404");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedUpFrontWhenItsLengthIsAnnounced() throws IOException {
        serve("/big.png", e -> {
            // announces more than the limit, then sends little and stalls: only refusing up front says "larger"
            e.sendResponseHeaders(200, 5000);
            e.getResponseBody().write(IMAGE, 0, 10);
            e.getResponseBody().flush();
            await(testEnded);
        });
        YolocamException e = assertThrows(YolocamException.class, () -> downloads(1000).download(url("/big.png")));
        assertOneLine(e, "big.png", "larger than the download limit of 1000 bytes");
        assertNothingLeftIn(folder);
    }

    @Test
    void readingStopsPastTheLimitWhenNoLengthIsAnnounced() throws IOException {
        serve("/endless.png", e -> {
            e.sendResponseHeaders(200, 0); // chunked: no Content-Length
            OutputStream out = e.getResponseBody();
            try {
                for (int i = 0; i < 1000; i++) {
                    out.write(IMAGE);
                }
            } catch (IOException clientWentAway) {
                // expected: the client stops reading at the limit
            }
        });
        YolocamException e = assertThrows(YolocamException.class,
                () -> downloads(10_000).download(url("/endless.png")));
        assertOneLine(e, "endless.png", "larger than the download limit");
        assertNothingLeftIn(folder);
    }

    @Test
    void aRedirectIsFollowedAndARedirectLoopEnds() throws IOException {
        serve("/images/", e -> send(e, "image/png", IMAGE));
        serve("/moved", e -> {
            e.getResponseHeaders().set("Location", "/images/target.png");
            e.sendResponseHeaders(301, -1);
        });
        serve("/loop", e -> {
            e.getResponseHeaders().set("Location", "/loop");
            e.sendResponseHeaders(302, -1);
        });
        Path moved = downloads(1 << 20).download(url("/moved"));
        assertEquals("moved.png", moved.getFileName().toString(), "the name of the URL the user gave");
        assertArrayEquals(IMAGE, Files.readAllBytes(moved));
        YolocamException e = assertThrows(YolocamException.class, () -> downloads(1 << 20).download(url("/loop")));
        assertOneLine(e, "/loop", "more than 5 redirects");
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused() {
        assertFalse(HttpDownloads.redirectAllowed(URI.create("https://a.example/x.jpg"),
                URI.create("http://a.example/x.jpg")));
        assertTrue(HttpDownloads.redirectAllowed(URI.create("http://a.example/x.jpg"),
                URI.create("https://b.example/x.jpg")));
        assertFalse(HttpDownloads.redirectAllowed(URI.create("http://a.example/x.jpg"),
                URI.create("file:///etc/passwd")));
    }

    @Test
    void aServerThatStallsInTheBodyTimesOut() throws IOException {
        serve("/images/", e -> send(e, "image/png", IMAGE));
        serve("/slow.png", e -> {
            e.sendResponseHeaders(200, IMAGE.length);
            e.getResponseBody().write(IMAGE, 0, 10);
            e.getResponseBody().flush();
            await(testEnded);
        });
        HttpDownloads downloads = impatientDownloads();
        downloads.download(url("/images/warm-up.png")); // the client's first request is slow to set up
        YolocamException e = assertThrows(YolocamException.class, () -> downloads.download(url("/slow.png")));
        assertOneLine(e, "slow.png", "no data for 300 ms");
        assertTrue(Files.notExists(folder.resolve("2")), "no partial download left");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        serve("/silent.png", e -> await(testEnded));
        YolocamException e = assertThrows(YolocamException.class,
                () -> impatientDownloads().download(url("/silent.png")));
        assertOneLine(e, "silent.png", "no response within 300 ms");
    }

    @Test
    void anUnknownHostAndARefusedConnectionAreOneLineEach() throws IOException {
        YolocamException unknown = assertThrows(YolocamException.class,
                () -> downloads(1 << 20).download(URI.create("http://no-such-host.invalid/x.jpg")));
        assertOneLine(unknown, "http://no-such-host.invalid/x.jpg", "unknown host no-such-host.invalid");
        URI closed = url("/x.jpg");
        server.stop(0);
        YolocamException refused = assertThrows(YolocamException.class, () -> downloads(1 << 20).download(closed));
        assertOneLine(refused, closed.toString(), "cannot connect");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertNothingLeftIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "no partial download left");
        }
    }
}
