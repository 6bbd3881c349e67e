package dev.yolocam.detect;

import dev.yolocam.errors.YolocamException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads YOLOv5 label files: one object per line, {@code class xc yc w h}, the centre and size normalised to the
 * original image (a polygon {@code class x1 y1 x2 y2 x3 y3 ...}, as in segment datasets, gives its bounding box).
 * Blank lines are skipped; anything else that is not such a line is an error naming the file and the line.
 */
public final class YoloLabels {
    /** Normalised coordinates may exceed [0, 1] by this much (rounding in the tools that write them). */
    private static final double SLACK = 1e-6;

    private YoloLabels() {
    }

    /**
     * The label file of an image, if there is one: {@code <stem>.txt} next to the image, else YOLOv5's
     * {@code img2label_paths} convention (the last {@code /images/} folder of the path replaced by
     * {@code /labels/}).
     */
    public static Optional<Path> find(Path image) {
        if (image == null || image.getFileName() == null) {
            return Optional.empty();
        }
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String labelName = (dot > 0 ? name.substring(0, dot) : name) + ".txt";
        Path beside = image.resolveSibling(labelName);
        if (!beside.equals(image) && Files.isRegularFile(beside)) {
            return Optional.of(beside);
        }
        Path absolute = image.toAbsolutePath().normalize();
        for (int i = absolute.getNameCount() - 2; i >= 0; i--) {
            if (absolute.getName(i).toString().equals("images")) {
                Path root = absolute.getRoot();
                Path folder = i == 0 ? root : root.resolve(absolute.subpath(0, i));
                Path rest = absolute.subpath(i + 1, absolute.getNameCount());
                Path label = folder.resolve("labels").resolve(rest).resolveSibling(labelName);
                return Files.isRegularFile(label) ? Optional.of(label) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The boxes of the image's label file, or empty when it has none (see {@link #find}). */
    public static Optional<List<LabelBox>> forImage(Path image, int imageWidth, int imageHeight) {
        return find(image).map(label -> read(label, imageWidth, imageHeight));
    }

    /** The boxes of {@code labelFile} in pixels of an image {@code imageWidth x imageHeight}, clipped to it. */
    public static List<LabelBox> read(Path labelFile, int imageWidth, int imageHeight) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + imageWidth + "x" + imageHeight);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(labelFile);
        } catch (MalformedInputException e) {
            throw new YolocamException(labelFile, "label file is not UTF-8 text", e);
        } catch (IOException e) {
            throw new YolocamException(labelFile, "cannot read label file: " + e.getMessage(), e);
        }
        List<LabelBox> boxes = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (!line.isEmpty()) {
                boxes.add(parse(line, labelFile, n + 1, imageWidth, imageHeight));
            }
        }
        return boxes;
    }

    private static LabelBox parse(String line, Path file, int number, int width, int height) {
        String[] fields = line.split("\\s+");
        if (fields.length < 5 || (fields.length > 5 && fields.length % 2 == 0)) {
            throw problem(file, number, "expected 'class x_center y_center width height' (or 'class x1 y1 x2 y2 "
                    + "x3 y3 ...'), got " + fields.length + " values");
        }
        int classId = classId(fields[0], file, number);
        double[] v = new double[fields.length - 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(fields[i + 1], file, number);
            if (v[i] < -SLACK || v[i] > 1 + SLACK) {
                throw problem(file, number, "coordinate " + fields[i + 1]
                        + " is not normalised to [0, 1] (YOLO labels are fractions of the image size)");
            }
        }
        double x1;
        double y1;
        double x2;
        double y2;
        if (v.length == 4) {
            x1 = v[0] - v[2] / 2;
            x2 = v[0] + v[2] / 2;
            y1 = v[1] - v[3] / 2;
            y2 = v[1] + v[3] / 2;
        } else {
            x1 = y1 = Double.POSITIVE_INFINITY;
            x2 = y2 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < v.length; i += 2) {
                x1 = Math.min(x1, v[i]);
                x2 = Math.max(x2, v[i]);
                y1 = Math.min(y1, v[i + 1]);
                y2 = Math.max(y2, v[i + 1]);
            }
        }
        return new LabelBox(classId, clip(x1) * width, clip(y1) * height, clip(x2) * width, clip(y2) * height);
    }

    private static int classId(String field, Path file, int number) {
        double value = number(field, file, number);
        if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw problem(file, number, "class '" + field + "' is not a non-negative integer");
        }
        return (int) value;
    }

    private static double number(String field, Path file, int number) {
        try {
            double value = Double.parseDouble(field);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(file, number, "'" + field + "' is not a number");
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static YolocamException problem(Path file, int line, String what) {
        return new YolocamException(file, "line " + line + ": " + what);
    }
}
