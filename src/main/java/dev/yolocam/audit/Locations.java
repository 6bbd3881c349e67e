package dev.yolocam.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * '/'-separated locations, local paths or URIs ({@code hdfs://host/a/b}, {@code s3a://bucket/a}): joining,
 * parents, names and relative paths, with {@code .} and {@code ..} segments resolved, on text only.
 */
final class Locations {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private Locations() {
    }

    /** {@code child} as is when absolute (or a URI), else under {@code base}; normalised. */
    static String join(String base, String child) {
        if (child.startsWith("/") || SCHEME.matcher(child).matches()) {
            return normalize(child);
        }
        return normalize(base.endsWith("/") ? base + child : base + "/" + child);
    }

    static String parent(String location) {
        String n = normalize(location);
        int slash = n.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : n.substring(0, slash);
    }

    static String name(String location) {
        String n = normalize(location);
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** {@code location} relative to {@code root} when under it, else the whole location. */
    static String relative(String root, String location) {
        String r = normalize(root);
        String l = normalize(location);
        String prefix = r.endsWith("/") ? r : r + "/";
        return l.startsWith(prefix) ? l.substring(prefix.length()) : l;
    }

    /** Without {@code .} segments, {@code ..} applied, repeated and trailing slashes dropped; the scheme kept. */
    static String normalize(String location) {
        String head = "";
        String rest = location;
        int scheme = location.indexOf("://");
        if (scheme > 0 && SCHEME.matcher(location).matches()) {
            int pathStart = location.indexOf('/', scheme + 3);
            head = pathStart < 0 ? location : location.substring(0, pathStart);
            rest = pathStart < 0 ? "" : location.substring(pathStart);
        }
        boolean absolute = rest.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : rest.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else if (!(part.equals("..") && absolute)) {
                parts.addLast(part);
            }
        }
        String path = String.join("/", parts);
        if (absolute || !head.isEmpty()) {
            return head + "/" + path;
        }
        return path.isEmpty() ? "." : path;
    }
}
