import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes the image seeds of the fuzz corpus: small crops of testdata/default/images/test_0001.png re-encoded by
 * ImageIO. Run from the repository root: {@code java testdata/fuzz-seeds/MakeImageSeeds.java}. Output is
 * deterministic for a given JDK (its encoders).
 */
public class MakeImageSeeds {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of("testdata/fuzz-seeds");
        BufferedImage source = ImageIO.read(Path.of("testdata/default/images/test_0001.png").toFile());
        BufferedImage crop = copy(source.getSubimage(16, 16, 64, 48), BufferedImage.TYPE_3BYTE_BGR);
        Files.write(dir.resolve("seed-rgb.png"), withSplitIdat(pngWithAncillaryChunks(crop), 2048));
        Files.write(dir.resolve("seed-indexed.png"), encode(copy(crop, BufferedImage.TYPE_BYTE_INDEXED), "png"));
        Files.write(dir.resolve("seed-baseline.jpg"), encode(crop, "jpeg"));
        Files.write(dir.resolve("seed-progressive.jpg"), progressiveJpeg(crop));
        Files.write(dir.resolve("seed-exif6.jpg"), withExifOrientation(encode(crop, "jpeg"), 6));
        Files.write(dir.resolve("seed-rgb.bmp"), encode(copy(crop.getSubimage(0, 0, 48, 32),
                BufferedImage.TYPE_3BYTE_BGR), "bmp"));
    }

    private static BufferedImage copy(BufferedImage image, int type) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no " + format + " writer");
        }
        return out.toByteArray();
    }

    private static byte[] progressiveJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A PNG with gAMA, pHYs and tEXt chunks besides IHDR/IDAT/IEND, as cameras and editors write them. */
    private static byte[] pngWithAncillaryChunks(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        IIOMetadataNode gamma = new IIOMetadataNode("gAMA");
        gamma.setAttribute("value", "45455");
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        physical.setAttribute("pixelsPerUnitXAxis", "2835");
        physical.setAttribute("pixelsPerUnitYAxis", "2835");
        physical.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", "Comment");
        entry.setAttribute("value", "yolocam fuzz seed");
        text.appendChild(entry);
        root.appendChild(gamma);
        root.appendChild(physical);
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The same PNG with its image data re-cut into IDAT chunks of at most {@code size} bytes (libpng style). */
    private static byte[] withSplitIdat(byte[] png, int size) {
        ByteBuffer in = ByteBuffer.wrap(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 8);
        in.position(8);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt();
            String name = new String(type, StandardCharsets.ISO_8859_1);
            if (name.equals("IDAT")) {
                idat.writeBytes(data);
                continue;
            }
            if (name.equals("IEND")) {
                byte[] all = idat.toByteArray();
                for (int start = 0; start < all.length; start += size) {
                    chunk(out, "IDAT", java.util.Arrays.copyOfRange(all, start, Math.min(all.length, start + size)));
                }
            }
            chunk(out, name, data);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG with an APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) right after SOI. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation)
                .putShort((short) 0).putInt(0);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
