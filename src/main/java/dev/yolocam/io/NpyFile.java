package dev.yolocam.io;

import dev.yolocam.errors.YolocamException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files holding little-endian float32 ({@code '<f4'}) arrays in C order, the
 * format of the oracle's reference arrays and of the arrays the application writes. Other dtypes and Fortran-order
 * arrays are refused with a {@link YolocamException}.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    /**
     * A float32 array and its shape (C order). The data array is shared, not copied.
     *
     * @param shape the dimensions; empty for a scalar
     * @param data  the values, {@code product(shape)} of them
     */
    public record FloatArray(int[] shape, float[] data) {
        public FloatArray {
            if (elementCount(shape) != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs "
                        + elementCount(shape) + " values, got " + data.length);
            }
        }

        /** Size of dimension {@code axis}; negative axes count from the end like NumPy's. */
        public int dim(int axis) {
            return shape[axis < 0 ? shape.length + axis : axis];
        }
    }

    /** Reads a {@code '<f4'} C-order array. */
    public static FloatArray read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new YolocamException(path, "cannot read .npy file: " + e.getMessage(), e);
        }
        return parse(path, bytes);
    }

    /**
     * Writes {@code data} with {@code shape} as a version 1.0 {@code '<f4'} C-order .npy file, atomically (see
     * {@link AtomicFiles}); missing parent directories are created.
     */
    public static void write(Path path, int[] shape, float[] data) {
        AtomicFiles.write(path, bytes(shape, data));
    }

    /** The bytes of such a file, for writers that store them elsewhere (a Hadoop file system). */
    public static byte[] bytes(int[] shape, float[] data) {
        FloatArray array = new FloatArray(shape, data);
        byte[] header = header(array.shape());
        ByteBuffer out = ByteBuffer.allocate(header.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        out.asFloatBuffer().put(data);
        return out.array();
    }

    private static FloatArray parse(Path path, byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new YolocamException(path, "not a .npy file (bad magic)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buffer.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new YolocamException(path, "truncated .npy header");
            }
            headerLength = buffer.getInt(8);
            headerStart = 12;
        } else {
            throw new YolocamException(path, "unsupported .npy version " + major);
        }
        if (headerLength < 0 || headerStart + (long) headerLength > bytes.length) {
            throw new YolocamException(path, "truncated .npy header");
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(path, DESCR, header, "descr");
        if (!descr.equals("<f4")) {
            throw new YolocamException(path, "unsupported .npy dtype " + descr + " (only '<f4' float32)");
        }
        if (group(path, FORTRAN, header, "fortran_order").equals("True")) {
            throw new YolocamException(path, "Fortran-order .npy arrays are not supported");
        }
        int[] shape = parseShape(path, group(path, SHAPE, header, "shape"));
        long count;
        try {
            count = elementCount(shape);
        } catch (IllegalArgumentException e) {
            throw new YolocamException(path, "bad .npy shape: " + e.getMessage());
        }
        int dataStart = headerStart + headerLength;
        if ((long) bytes.length - dataStart != 4 * count) {
            throw new YolocamException(path, ".npy data size " + (bytes.length - dataStart) + " bytes does not match shape "
                    + Arrays.toString(shape));
        }
        float[] data = new float[(int) count];
        buffer.position(dataStart);
        buffer.asFloatBuffer().get(data);
        return new FloatArray(shape, data);
    }

    private static String group(Path path, Pattern pattern, String header, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new YolocamException(path, ".npy header has no valid '" + key + "': " + header.strip());
        }
        return m.group(1);
    }

    private static int[] parseShape(Path path, String text) {
        String[] parts = text.split(",");
        return Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try {
                int value = Integer.parseInt(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
                if (value < 0) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new YolocamException(path, "bad .npy shape (" + text + ")");
            }
        }).toArray();
    }

    private static byte[] header(int[] shape) {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? shape[0] + "," : dims.length() == 0 ? "" : dims.substring(0, dims.length() - 2);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shapeText + "), }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        header.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return header.array();
    }

    private static long elementCount(int[] shape) {
        long count = 1;
        for (int d : shape) {
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("array too large: " + Arrays.toString(shape));
            }
        }
        return count;
    }
}
