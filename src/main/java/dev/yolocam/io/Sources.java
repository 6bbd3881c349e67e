package dev.yolocam.io;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands the SOURCE arguments like YOLOv5's LoadImages: an image or video file, a directory (its images and videos,
 * sorted), a glob ({@code data/*.jpg}, {@code data/**}{@code /*.png}), a {@code .txt} file listing one path per line
 * (relative to the list's folder), or an {@code http(s)://} URL, downloaded first (see {@link HttpDownloads}).
 */
public final class Sources {
    /** File endings treated as images when listing a directory or a glob; a named file is always tried. */
    public static final Set<String> IMAGE_SUFFIXES =
            Set.of("jpg", "jpeg", "png", "bmp", "gif", "wbmp", "tif", "tiff", "webp", "dng", "mpo", "pfm");
    /** File endings read as videos (frame by frame), named or found in a directory or a glob. */
    public static final Set<String> VIDEO_SUFFIXES =
            Set.of("mp4", "avi", "mov", "mkv", "webm", "m4v", "mpg", "mpeg", "wmv");

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    /** A line of a YOLO label file: a class number and four or more coordinates. */
    private static final Pattern LABEL_LINE =
            Pattern.compile("\\d+(\\s+[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?){4,}");

    private Sources() {
    }

    public static List<Path> expand(List<String> arguments) {
        return expand(arguments, HttpDownloads::forThisProcess);
    }

    static List<Path> expand(List<String> arguments, Supplier<HttpDownloads> downloads) {
        List<Path> out = new ArrayList<>();
        for (String argument : arguments) {
            out.addAll(expandOne(argument, downloads));
        }
        return out;
    }

    private static List<Path> expandOne(String argument, Supplier<HttpDownloads> downloads) {
        if (URL.matcher(argument).matches()) {
            return List.of(download(argument, downloads));
        }
        if (Glob.isPattern(argument)) {
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

    private static Path download(String argument, Supplier<HttpDownloads> downloads) {
        URI url;
        try {
            url = new URI(argument);
        } catch (URISyntaxException e) {
            throw YolocamException.about(argument, "not a valid URL (" + e.getReason() + ")", e);
        }
        if (!HttpDownloads.isHttp(url)) {
            throw YolocamException.about(argument, url.getScheme() + ":// sources are not read; give image files, "
                    + "folders, globs, .txt lists or http(s):// URLs", null);
        }
        if (url.getHost() == null) {
            throw YolocamException.about(argument, "not a valid URL (no host)", null);
        }
        return downloads.get().download(url);
    }

    private static List<Path> glob(String pattern) {
        Glob glob = Glob.of(pattern);
        List<Path> matches;
        try {
            matches = glob.files().stream().filter(Sources::isImageOrVideoName).toList();
        } catch (IOException e) {
            throw new YolocamException(glob.base(), "cannot list: " + OsReason.of(e, glob.base()), e);
        }
        if (matches.isEmpty()) {
            throw YolocamException.about(pattern, "no images match this pattern", null);
        }
        return matches;
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
            throw new YolocamException(dir, "cannot list: " + OsReason.of(e, dir), e);
        }
    }

    private static List<Path> readList(Path listFile) {
        List<String> entries;
        try {
            entries = Files.readAllLines(listFile).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (MalformedInputException e) {
            throw new YolocamException(listFile, "is not a text list of images (not UTF-8)", e);
        } catch (IOException e) {
            throw new YolocamException(listFile, "cannot read image list: " + OsReason.of(e, listFile), e);
        }
        if (entries.isEmpty()) {
            throw new YolocamException(listFile, "lists no images");
        }
        if (entries.stream().allMatch(l -> LABEL_LINE.matcher(l).matches())) {
            throw new YolocamException(listFile, "looks like a YOLO label file ('class x_center y_center width "
                    + "height' per line), not a list of images; give the image itself, or a .txt of image paths");
        }
        Path base = listFile.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (String entry : entries) {
            Path p = Path.of(entry);
            out.add(p.isAbsolute() || Files.exists(p) ? p : base.resolve(p));
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (!Files.exists(out.get(i))) {
                missing.add(entries.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new YolocamException(listFile, missing.size() + " of " + out.size() + " listed images do not exist"
                    + " (paths are taken relative to the list's folder), the first: " + missing.get(0));
        }
        return out;
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
