package dev.yolocam.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A SOURCE glob, matched like Python's {@code glob.glob(pattern, recursive=True)} that YOLOv5 uses: {@code *} and
 * {@code ?} within one name, {@code [abc]} / {@code [!abc]} one character, {@code **} any number of folders
 * (none included). The folders before the first wildcard are the literal base that is listed; matches keep the
 * pattern's own spelling of it (absolute, relative, with {@code ..}).
 */
final class Glob {
    private final Path base;
    private final Pattern rest;
    private final int depth;

    private Glob(Path base, Pattern rest, int depth) {
        this.base = base;
        this.rest = rest;
        this.depth = depth;
    }

    static boolean isPattern(String argument) {
        return argument.contains("*") || argument.contains("?") || argument.contains("[");
    }

    static Glob of(String pattern) {
        Path path = Path.of(pattern);
        int literal = 0;
        while (literal < path.getNameCount() - 1 && !isPattern(path.getName(literal).toString())) {
            literal++;
        }
        Path base = path.getRoot() != null ? path.getRoot() : Path.of("");
        if (literal > 0) {
            base = base.resolve(path.subpath(0, literal));
        }
        Path rest = path.subpath(literal, path.getNameCount());
        boolean recursive = false;
        for (Path name : rest) {
            recursive |= name.toString().equals("**");
        }
        return new Glob(base, Pattern.compile(toRegex(rest)), recursive ? Integer.MAX_VALUE : rest.getNameCount());
    }

    /** The literal folder the pattern lists. */
    Path base() {
        return base;
    }

    /** Regular files matching the pattern, sorted; none when the base folder does not exist. */
    List<Path> files() throws IOException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> rest.matcher(base.relativize(p).toString()).matches())
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String toRegex(Path rest) {
        StringBuilder regex = new StringBuilder();
        int count = rest.getNameCount();
        for (int i = 0; i < count; i++) {
            String name = rest.getName(i).toString();
            boolean last = i == count - 1;
            if (name.equals("**")) {
                regex.append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            appendName(regex, name);
            if (!last) {
                regex.append('/');
            }
        }
        return regex.toString();
    }

    private static void appendName(StringBuilder regex, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int close = c == '[' ? classEnd(name, i) : -1;
            if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (close > 0) {
                regex.append('[');
                int from = i + 1;
                if (name.charAt(from) == '!') {
                    regex.append('^');
                    from++;
                }
                for (int k = from; k < close; k++) {
                    char m = name.charAt(k);
                    // '-' keeps its range meaning; any other non-alphanumeric is escaped, which Java allows
                    regex.append(m == '-' || Character.isLetterOrDigit(m) ? String.valueOf(m) : "\\" + m);
                }
                regex.append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
    }

    /** Where the character class opened at {@code open} ends, or -1 when the '[' is a plain character. */
    private static int classEnd(String name, int open) {
        int first = open + 1;
        if (first < name.length() && name.charAt(first) == '!') {
            first++;
        }
        // a ']' right after '[' or '[!' is a member, as in Python's fnmatch
        int close = name.indexOf(']', first + 1);
        return first < name.length() ? close : -1;
    }
}
