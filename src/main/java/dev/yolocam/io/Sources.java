package dev.yolocam.io;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the SOURCE arguments like YOLOv5's LoadImages: an image or video file, a directory (its images and videos,
 * sorted), a glob ({@code data/*.jpg}), or a {@code .txt} file listing one path per line (relative to the list's
 * folder).
 */
public final class Sources {
    /** File endings treated as images when listing a directory or a glob; a named file is always tried. */
    public static final Set<String> IMAGE_SUFFIXES =
            Set.of("jpg", "jpeg", "png", "bmp", "gif", "wbmp", "tif", "tiff", "webp", "dng", "mpo", "pfm");
    /** File endings read as videos (frame by frame), named or found in a directory or a glob. */
    public static final Set<String> VIDEO_SUFFIXES =
            Set.of("mp4", "avi", "mov", "mkv", "webm", "m4v", "mpg", "mpeg", "wmv");

    private Sources() {
    }

    public static List<Path> expand(List<String> arguments) {
        List<Path> out = new ArrayList<>();
        for (String argument : arguments) {
            out.addAll(expandOne(argument));
        }
        return out;
    }

    private static List<Path> expandOne(String argument) {
        if (argument.contains("*") || argument.contains("?") || argument.contains("[")) {
            return glob(argument);
        }
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            return listImages(path);
        }
        if (!Files.exists(path)) {
            throw new YolocamException(path, "no such file or directory");
        }
        if (argument.toLowerCase(Locale.ROOT).endsWith(".txt")) {
            return readList(path);
        }
        return List.of(path);
    }

    private static List<Path> glob(String pattern) {
        Path pathPattern = Path.of(pattern);
        Path base = pathPattern.getParent() == null ? Path.of(".") : pathPattern.getParent();
        while (base.toString().matches(".*[*?\\[].*")) {
            base = base.getParent() == null ? Path.of(".") : base.getParent();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path normalizedBase = base;
        try (Stream<Path> files = Files.walk(base)) {
            List<Path> matches = files.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(p) || matcher.matches(normalizedBase.relativize(p))
                            || matcher.matches(Path.of(".").relativize(p.normalize())))
                    .filter(Sources::isImageOrVideoName).sorted().toList();
            if (matches.isEmpty()) {
                throw new YolocamException(Path.of(pattern), "no images match this pattern");
            }
            return matches;
        } catch (IOException e) {
            throw new YolocamException(base, "cannot list: " + e.getMessage(), e);
        }
    }

    private static List<Path> listImages(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> images = files.filter(Files::isRegularFile).filter(Sources::isImageOrVideoName).sorted()
                    .toList();
            if (images.isEmpty()) {
                throw new YolocamException(dir, "contains no images");
            }
            return images;
        } catch (IOException e) {
            throw new YolocamException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    private static List<Path> readList(Path listFile) {
        try {
            List<Path> out = new ArrayList<>();
            Path base = listFile.toAbsolutePath().getParent();
            for (String line : Files.readAllLines(listFile)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    Path p = Path.of(trimmed);
                    out.add(p.isAbsolute() || Files.exists(p) ? p : base.resolve(p));
                }
            }
            if (out.isEmpty()) {
                throw new YolocamException(listFile, "lists no images");
            }
            return out;
        } catch (IOException e) {
            throw new YolocamException(listFile, "cannot read image list: " + e.getMessage(), e);
        }
    }

    static boolean isImageName(Path p) {
        return IMAGE_SUFFIXES.contains(suffix(p));
    }

    /** Whether {@code p} is named like a video file: read frame by frame, not as an image. */
    public static boolean isVideoName(Path p) {
        return VIDEO_SUFFIXES.contains(suffix(p));
    }

    private static boolean isImageOrVideoName(Path p) {
        return isImageName(p) || isVideoName(p);
    }

    private static String suffix(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
