package dev.yolocam.detect;

import dev.yolocam.errors.YolocamException;

import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image file (JPEG, PNG, BMP, GIF, TIFF, WBMP: whatever ImageIO reads) into the upright 8-bit
 * {@link RgbImage} that {@code cv2.imread} would return, EXIF orientation of JPEGs applied.
 *
 * <p>Every failure - missing file, unknown format, corrupt data, zero or absurd size - is reported as a
 * {@link YolocamException} {@code "cannot read image: <reason>"}; decoders' own exceptions never escape.
 */
public final class ImageLoader {
    /** Images with more pixels than this (width x height from the header) are refused before decoding. */
    public static final long MAX_PIXELS = 100_000_000L;
    /**
     * A Huffman-coded JPEG (all ImageIO decodes) spends at least one bit on every 8x8 block of its full-resolution
     * component, so a complete file holds at most 512 pixels per byte. More means the data ends early; the decoder
     * would still fill in every missing block, so a 1 kB file claiming 100 megapixels would cost seconds and
     * gigabytes.
     */
    static final long JPEG_MAX_PIXELS_PER_BYTE = 512;

    private ImageLoader() {
    }

    /** The upright 8-bit RGB pixels of the image file at {@code path}. */
    public static RgbImage load(Path path) {
        if (!Files.exists(path)) {
            throw failure(path, "no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw failure(path, "not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw failure(path, "permission denied");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw failure(path, "the file is empty");
            }
            Decoded decoded = decode(path, size);
            RgbImage pixels = RgbConversion.toRgb(decoded.image());
            if (!decoded.format().equals("jpeg")) {
                return pixels;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
                return OrientationTransform.apply(pixels, ExifOrientation.read(in));
            }
        } catch (YolocamException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Broken files make ImageIO throw IIOException but also IndexOutOfBounds, IllegalArgument, ... .
            throw failure(path, describe(e));
        } catch (OutOfMemoryError e) {
            throw failure(path, "not enough memory to decode it (raise -Xmx)");
        }
    }

    private record Decoded(BufferedImage image, String format) {
    }

    private static Decoded decode(Path path, long fileSize) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(path.toFile())) {
            if (input == null) {
                throw failure(path, "cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw failure(path, "unrecognised or unsupported image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw failure(path, "the image has zero size (" + width + "x" + height + ")");
                }
                if (width * height > MAX_PIXELS) {
                    throw failure(path, "the image is too large (" + width + "x" + height + " pixels, limit "
                            + MAX_PIXELS / 1_000_000 + " megapixels)");
                }
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (format.equals("jpeg") && width * height > JPEG_MAX_PIXELS_PER_BYTE * fileSize) {
                    throw failure(path, "the file is too short for a JPEG of " + width + "x" + height
                            + " pixels (" + fileSize + " bytes: truncated or corrupt)");
                }
                BufferedImage image = reader.read(0, withoutColourManagement(reader));
                if (image == null || image.getWidth() != width || image.getHeight() != height) {
                    throw failure(path, "the decoder returned no complete image");
                }
                return new Decoded(image, format);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * ImageIO's JPEG reader converts a JPEG with an embedded non-sRGB ICC profile (for example an iPhone's
     * Display P3) to sRGB by default; OpenCV ignores the profile. Asking for the image type in the file's own
     * colour space keeps the decoded samples unconverted.
     */
    private static ImageReadParam withoutColourManagement(ImageReader reader) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        ImageTypeSpecifier preferred = types.hasNext() ? types.next() : null;
        if (preferred == null || !preferred.getColorModel().getColorSpace().isCS_sRGB()) {
            return param;
        }
        while (types.hasNext()) {
            ImageTypeSpecifier type = types.next();
            ColorModel model = type.getColorModel();
            if (model.getColorSpace() instanceof ICC_ColorSpace && !model.getColorSpace().isCS_sRGB()
                    && model.getNumComponents() == preferred.getColorModel().getNumComponents()
                    && model.getNumColorComponents() == 3) {
                param.setDestinationType(type);
                break;
            }
        }
        return param;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return "corrupt or truncated image data (" + kind + ")";
        }
        return "corrupt or truncated image data (" + message.strip() + ")";
    }

    private static YolocamException failure(Path path, String reason) {
        return new YolocamException(path, "cannot read image: " + reason);
    }
}
