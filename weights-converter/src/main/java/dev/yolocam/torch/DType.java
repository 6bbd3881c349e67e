package dev.yolocam.torch;

/** Element types of PyTorch storages, with the legacy storage class names torch.save writes for them. */
public enum DType {
    FLOAT16("HalfStorage", 2, "float16"),
    BFLOAT16("BFloat16Storage", 2, "bfloat16"),
    FLOAT32("FloatStorage", 4, "float32"),
    FLOAT64("DoubleStorage", 8, "float64"),
    UINT8("ByteStorage", 1, "uint8"),
    INT8("CharStorage", 1, "int8"),
    INT16("ShortStorage", 2, "int16"),
    INT32("IntStorage", 4, "int32"),
    INT64("LongStorage", 8, "int64"),
    BOOL("BoolStorage", 1, "bool");

    private final String storageClass;
    private final int bytes;
    private final String numpyName;

    DType(String storageClass, int bytes, String numpyName) {
        this.storageClass = storageClass;
        this.bytes = bytes;
        this.numpyName = numpyName;
    }

    /** The class name inside module {@code torch}, e.g. {@code HalfStorage}. */
    public String storageClass() {
        return storageClass;
    }

    public int bytes() {
        return bytes;
    }

    /** numpy/torch spelling, as in the oracle's describe.json ({@code float16}, {@code int64}). */
    public String numpyName() {
        return numpyName;
    }

    public static DType fromStorageClass(String name) {
        for (DType t : values()) {
            if (t.storageClass.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
