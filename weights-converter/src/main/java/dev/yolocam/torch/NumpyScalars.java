package dev.yolocam.torch;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code numpy.core.multiarray.scalar(dtype, bytes)} (how a numpy scalar such as YOLOv5's
 * {@code best_fitness} is pickled) into a Double, Long or Boolean. Other numpy scalar kinds stay inert PyObjects.
 */
final class NumpyScalars {
    private final PickleInput input;

    NumpyScalars(PickleInput input) {
        this.input = input;
    }

    Object decode(String function, List<Object> args) {
        if (args.size() != 2 || !(args.get(0) instanceof PyObject dtype) || !dtype.pythonClass().equals("numpy.dtype")
                || dtype.args().isEmpty() || !(dtype.args().get(0) instanceof String code)
                || !(args.get(1) instanceof byte[] bytes)) {
            return PyObjectState.newObject(function, args);
        }
        char kind = code.isEmpty() ? '?' : code.charAt(0);
        int size = parseSize(code.substring(Math.min(1, code.length())));
        boolean known = switch (kind) {
            case 'f' -> size == 2 || size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            default -> false;
        };
        if (!known) {
            return PyObjectState.newObject(function, args);
        }
        if (bytes.length != size) {
            throw input.corrupt("numpy scalar of dtype " + SafeText.quote(code) + " has " + bytes.length
                    + " bytes, expected " + size);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(isBigEndian(dtype) ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
        return switch (kind) {
            case 'f' -> size == 2 ? (double) TensorData.halfToFloat(buffer.getShort())
                    : size == 4 ? (double) buffer.getFloat() : buffer.getDouble();
            case 'b' -> bytes[0] != 0;
            case 'i' -> switch (size) {
                case 1 -> (long) buffer.get();
                case 2 -> (long) buffer.getShort();
                case 4 -> (long) buffer.getInt();
                default -> buffer.getLong();
            };
            default -> switch (size) {
                case 1 -> (long) (buffer.get() & 0xff);
                case 2 -> (long) (buffer.getShort() & 0xffff);
                case 4 -> buffer.getInt() & 0xffffffffL;
                default -> PyTypes.integer(new BigInteger(Long.toUnsignedString(buffer.getLong())));
            };
        };
    }

    private static int parseSize(String digits) {
        if (digits.isEmpty() || digits.length() > 2) {
            return -1;
        }
        for (char c : digits.toCharArray()) {
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    /** The byte order numpy.dtype's BUILD state gives ('<', '>', '|' or '='); native order here is little. */
    private static boolean isBigEndian(PyObject dtype) {
        Object state = dtype.state() instanceof Map<?, ?> map ? map.get(PyObjectState.NON_DICT_STATE) : null;
        return state instanceof List<?> tuple && tuple.size() > 1 && ">".equals(tuple.get(1));
    }
}
