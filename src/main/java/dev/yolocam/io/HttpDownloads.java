package dev.yolocam.io;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads {@code http(s)://} SOURCE arguments into a folder, each into a subfolder of its own under the file name
 * of the URL's path (so the outputs keep that stem), within {@link Limits}: a size cap (refused up front when the
 * server announces more, and reading stops past it), connect and read timeouts, and a few redirects, never from
 * https to http. Every failure is one line naming the URL.
 */
public final class HttpDownloads {
    /** How much a download may take. */
    public record Limits(long maxBytes, Duration connectTimeout, Duration readTimeout, int maxRedirects) {
        public static final Limits DEFAULT = new Limits(100L << 20, Duration.ofSeconds(30), Duration.ofSeconds(30), 5);
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Map<String, String> SUFFIX_OF_TYPE = Map.of("image/jpeg", "jpg", "image/png", "png",
            "image/bmp", "bmp", "image/gif", "gif", "image/webp", "webp", "image/tiff", "tif");
    private static final int MAX_NAME = 120;
    private static HttpDownloads forThisProcess;
    /** Every file this process downloaded, and the URL it came from. */
    private static final Map<Path, String> ORIGINS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Limits limits;
    private final Path folder;
    private final boolean deleteOnExit;
    private final HttpClient client;
    private final AtomicInteger downloads = new AtomicInteger();

    public HttpDownloads(Limits limits, Path folder) {
        this(limits, folder, false);
    }

    private HttpDownloads(Limits limits, Path folder, boolean deleteOnExit) {
        this.limits = limits;
        this.folder = folder;
        this.deleteOnExit = deleteOnExit;
        this.client = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** This process's downloads, with the default limits, in a temporary folder deleted when the JVM exits. */
    public static synchronized HttpDownloads forThisProcess() {
        if (forThisProcess == null) {
            try {
                Path folder = Files.createTempDirectory("yolocam-downloads-");
                folder.toFile().deleteOnExit();
                forThisProcess = new HttpDownloads(Limits.DEFAULT, folder, true);
            } catch (IOException e) {
                throw new YolocamException(Path.of(System.getProperty("java.io.tmpdir")),
                        "cannot make a folder for downloads: " + e.getMessage(), e);
            }
        }
        return forThisProcess;
    }

    /**
     * How outputs name a source file: the URL it was downloaded from (the local copy is temporary), otherwise the
     * path as given.
     */
    public static String originOf(Path file) {
        return ORIGINS.getOrDefault(file, file.toString());
    }

    static boolean isHttp(URI url) {
        String scheme = url.getScheme();
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    /** Downloads {@code url} (http or https) and returns the local file. */
    public Path download(URI url) {
        String text = url.toString();
        try {
            return fetch(url);
        } catch (HttpConnectTimeoutException e) {
            throw YolocamException.about(text, "no connection within " + seconds(limits.connectTimeout()), e);
        } catch (HttpTimeoutException e) {
            throw YolocamException.about(text, "no response within " + seconds(limits.readTimeout()), e);
        } catch (ConnectException e) {
            throw YolocamException.about(text, hasCause(e, UnresolvedAddressException.class)
                    ? "unknown host " + url.getHost()
                    : "cannot connect to " + url.getAuthority() + " (" + firstMessage(e, "connection refused")
                    + ")", e);
        } catch (IOException e) {
            throw YolocamException.about(text, "download failed: " + firstMessage(e, e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw YolocamException.about(text, "download interrupted", e);
        }
    }

    private Path fetch(URI url) throws IOException, InterruptedException {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            HttpRequest request = HttpRequest.newBuilder(current).timeout(limits.readTimeout())
                    .header("User-Agent", "yolocam").GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                response.body().close();
                current = redirectTarget(url, current, response, redirects);
            } else if (status / 100 != 2) {
                response.body().close();
                throw failure(url, "HTTP " + status + (current.equals(url) ? "" : " from " + current));
            } else {
                return save(url, response);
            }
        }
    }

    private URI redirectTarget(URI url, URI current, HttpResponse<?> response, int redirectsSoFar) {
        if (redirectsSoFar >= limits.maxRedirects()) {
            throw failure(url, "more than " + limits.maxRedirects() + " redirects");
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> failure(url, "HTTP " + response.statusCode() + " without a Location"));
        URI next;
        try {
            next = current.resolve(location);
        } catch (IllegalArgumentException e) {
            throw failure(url, "redirected to a malformed address: " + location);
        }
        if (!redirectAllowed(current, next)) {
            throw failure(url, "refused a redirect to " + next
                    + (isHttp(next) ? " (from https to http)" : " (not http or https)"));
        }
        return next;
    }

    /** Redirects stay on http(s), and never go from https down to plain http. */
    static boolean redirectAllowed(URI from, URI to) {
        return isHttp(to) && !("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme()));
    }

    private Path save(URI url, HttpResponse<InputStream> response) throws IOException, InterruptedException {
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced > limits.maxBytes()) {
            response.body().close();
            throw tooLarge(url);
        }
        Path dir = folder.resolve(Integer.toString(downloads.incrementAndGet()));
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName(url, response.headers().firstValue("Content-Type").orElse("")));
        if (deleteOnExit) {
            // deleted in reverse order of registration: the file, then its folder
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
        }
        boolean complete = false;
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
            copyWithinLimits(url, in, out);
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        }
        ORIGINS.put(file, url.toString());
        return file;
    }

    /**
     * Copies the body; a read that brings nothing within the read timeout ends the download (the HTTP client's own
     * timeout stops at the response headers).
     */
    private void copyWithinLimits(URI url, InputStream in, OutputStream out) throws IOException, InterruptedException {
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "yolocam-download");
            t.setDaemon(true);
            return t;
        });
        try {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            while (true) {
                Future<Integer> read = reader.submit(() -> in.read(buffer));
                int n;
                try {
                    n = read.get(limits.readTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    in.close(); // releases the blocked read
                    throw failure(url, "no data for " + seconds(limits.readTimeout()) + " (after " + total
                            + " bytes)");
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
                if (n < 0) {
                    return;
                }
                total += n;
                if (total > limits.maxBytes()) {
                    throw tooLarge(url);
                }
                out.write(buffer, 0, n);
            }
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * The last segment of the URL's path, query left out, made safe as a file name; a name without an image
     * suffix gets the one of the response's image Content-Type.
     */
    static String fileName(URI url, String contentType) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String name = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8)
                .replaceAll("[^\\p{L}\\p{N}._ -]", "_").replaceFirst("^[.]+", "");
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        if (name.isBlank()) {
            name = "download";
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String suffix = SUFFIX_OF_TYPE.get(type);
        if (suffix != null && !Sources.isImageName(Path.of(name))) {
            name = name + "." + suffix;
        }
        return name;
    }

    private YolocamException tooLarge(URI url) {
        return failure(url, "larger than the download limit of " + mebibytes(limits.maxBytes()));
    }

    private static YolocamException failure(URI url, String problem) {
        return YolocamException.about(url.toString(), problem, null);
    }

    private static String mebibytes(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The HTTP client often wraps the telling exception in one without a message. */
    private static String firstMessage(Throwable e, String otherwise) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return c.getMessage();
            }
        }
        return otherwise;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
