package dev.yolocam.torch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes pickle opcodes by hand, for pickles no Python pickler would write (hostile inputs) and for torch's tensor
 * and storage idioms. Opcode bytes are spelled out here, independently of the reader's own table.
 */
public final class PickleBuilder {
    public static final int MARK = '(';
    public static final int STOP = '.';
    public static final int POP = '0';
    public static final int DUP = '2';
    public static final int NONE = 'N';
    public static final int REDUCE = 'R';
    public static final int BUILD = 'b';
    public static final int APPEND = 'a';
    public static final int APPENDS = 'e';
    public static final int LIST = 'l';
    public static final int EMPTY_LIST = ']';
    public static final int EMPTY_DICT = '}';
    public static final int SETITEM = 's';
    public static final int SETITEMS = 'u';
    public static final int DICT = 'd';
    public static final int TUPLE = 't';
    public static final int EMPTY_TUPLE = ')';
    public static final int TUPLE1 = 0x85;
    public static final int TUPLE2 = 0x86;
    public static final int TUPLE3 = 0x87;
    public static final int NEWTRUE = 0x88;
    public static final int NEWFALSE = 0x89;
    public static final int NEWOBJ = 0x81;
    public static final int BINPERSID = 'Q';
    public static final int STACK_GLOBAL = 0x93;
    public static final int MEMOIZE = 0x94;
    public static final int EMPTY_SET = 0x8f;
    public static final int ADDITEMS = 0x90;
    public static final int FROZENSET = 0x91;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static PickleBuilder protocol(int version) {
        PickleBuilder builder = new PickleBuilder();
        builder.op(0x80).raw(version);
        return builder;
    }

    public PickleBuilder op(int opcode) {
        out.write(opcode);
        return this;
    }

    public PickleBuilder raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public PickleBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** GLOBAL 'module\nname\n'. */
    public PickleBuilder global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** BINUNICODE. */
    public PickleBuilder str(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        op('X');
        le32(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    /** BINBYTES. */
    public PickleBuilder bytes(byte[] data) {
        op('B');
        le32(data.length);
        out.writeBytes(data);
        return this;
    }

    /** BININT1 / BININT2 / BININT, or LONG1 for values outside int. */
    public PickleBuilder integer(long value) {
        if (value >= 0 && value < 256) {
            return op('K').raw((int) value);
        }
        if (value >= 0 && value < 65536) {
            return op('M').raw((int) value & 0xff, (int) value >>> 8);
        }
        if (value == (int) value) {
            op('J');
            return le32((int) value);
        }
        op(0x8a).raw(8);
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    /** BINFLOAT (big-endian). */
    public PickleBuilder floating(double value) {
        op('G');
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 7; i >= 0; i--) {
            out.write((int) (bits >>> (8 * i)));
        }
        return this;
    }

    public PickleBuilder none() {
        return op(NONE);
    }

    public PickleBuilder bool(boolean value) {
        return op(value ? NEWTRUE : NEWFALSE);
    }

    /** A tuple of ints, e.g. a tensor's size or stride. */
    public PickleBuilder intTuple(long... values) {
        op(MARK);
        for (long v : values) {
            integer(v);
        }
        return op(TUPLE);
    }

    public PickleBuilder binput(int index) {
        return op('q').raw(index);
    }

    public PickleBuilder binget(int index) {
        return op('h').raw(index);
    }

    public PickleBuilder le32(int value) {
        for (int i = 0; i < 4; i++) {
            out.write(value >>> (8 * i));
        }
        return this;
    }

    /**
     * torch's persistent id {@code ('storage', torch.<storageClass>, key, 'cpu', numel)} followed by BINPERSID:
     * leaves the storage on the stack.
     */
    public PickleBuilder storage(String storageClass, String key, long numel) {
        op(MARK).str("storage").global("torch", storageClass).str(key).str("cpu").integer(numel).op(TUPLE);
        return op(BINPERSID);
    }

    /**
     * {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())}: leaves the
     * tensor on the stack.
     */
    public PickleBuilder tensor(String storageClass, String key, long numel, long offset, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").op(MARK);
        storage(storageClass, key, numel).integer(offset).intTuple(size).intTuple(stride).bool(false);
        global("collections", "OrderedDict").op(EMPTY_TUPLE).op(REDUCE);
        return op(TUPLE).op(REDUCE);
    }

    /**
     * Starts {@code module.name()} rebuilt as torch pickles an nn.Module: GLOBAL, EMPTY_TUPLE, NEWOBJ, then the
     * {@code __dict__} for BUILD, left open after its MARK. Write key/value pairs, then {@link #endObject()}.
     */
    public PickleBuilder beginObject(String module, String name) {
        return global(module, name).op(EMPTY_TUPLE).op(NEWOBJ).op(EMPTY_DICT).op(MARK);
    }

    public PickleBuilder endObject() {
        return op(SETITEMS).op(BUILD);
    }

    /** Starts {@code OrderedDict()} with its items left open after a MARK; close with {@link #endDict()}. */
    public PickleBuilder beginOrderedDict() {
        return global("collections", "OrderedDict").op(EMPTY_TUPLE).op(REDUCE).op(MARK);
    }

    /** Starts a plain dict with its items left open after a MARK; close with {@link #endDict()}. */
    public PickleBuilder beginDict() {
        return op(EMPTY_DICT).op(MARK);
    }

    public PickleBuilder endDict() {
        return op(SETITEMS);
    }

    /** Appends STOP and returns the pickle. */
    public byte[] stop() {
        op(STOP);
        return out.toByteArray();
    }

    /** The bytes so far, without STOP (for truncated pickles). */
    public byte[] unterminated() {
        return out.toByteArray();
    }
}
