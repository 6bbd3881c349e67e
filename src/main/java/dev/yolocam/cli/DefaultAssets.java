package dev.yolocam.cli;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default: the trained shapes model and sample images of {@code testdata/default/}. Used from the
 * repository when yolocam runs inside it, otherwise unpacked from the jar into a temporary folder.
 */
final class DefaultAssets {
    static final String MODEL = "shapes-yolov5n.pt";
    static final List<String> IMAGES = List.of("test_0000.png", "test_0001.png", "test_0002.png",
            "test_0003.png", "test_0004.png", "test_0005.png");
    /** The shapes model was trained at 320: the default input size when no --weights is given. */
    static final int IMGSZ = 320;
    private static final String RESOURCE_DIR = "/dev/yolocam/default/";
    private static Path unpacked;

    private DefaultAssets() {
    }

    static Path model() {
        return folder().resolve(MODEL);
    }

    static List<String> images() {
        Path dir = folder().resolve("images");
        List<String> out = new ArrayList<>();
        for (String name : IMAGES) {
            out.add(dir.resolve(name).toString());
        }
        return out;
    }

    private static synchronized Path folder() {
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate.resolve(MODEL))) {
                return candidate;
            }
        }
        if (unpacked == null) {
            unpacked = unpack();
        }
        return unpacked;
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        out.add(Path.of("testdata", "default").toAbsolutePath());
        try {
            Path jar = Path.of(DefaultAssets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // src/target/yolocam.jar or src/target/classes -> repository root
            Path root = jar.getParent().getParent().getParent();
            out.add(root.resolve("testdata").resolve("default"));
        } catch (URISyntaxException | RuntimeException ignored) {
            // no code source: only the resource copy remains
        }
        return out;
    }

    private static Path unpack() {
        try {
            Path dir = Files.createTempDirectory("yolocam-default");
            Files.createDirectories(dir.resolve("images"));
            copy(RESOURCE_DIR + MODEL, dir.resolve(MODEL));
            for (String image : IMAGES) {
                copy(RESOURCE_DIR + "images/" + image, dir.resolve("images").resolve(image));
            }
            return dir;
        } catch (IOException e) {
            throw new YolocamException(null, "cannot unpack the embedded default model: " + e.getMessage(), e);
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = DefaultAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " missing from the jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
