package dev.yolocam.torch;

/**
 * How much a checkpoint may ask of the reader before it is refused with an
 * {@link dev.yolocam.errors.UnsafeCheckpointException}. Every limit is checked before the memory it guards is
 * allocated. The defaults ({@link #DEFAULT}) are far above what any YOLOv5 checkpoint needs (the largest, YOLOv5x6
 * with optimizer state, has a pickle of a few MiB and storages well under 1 GiB each).
 *
 * @param maxZipEntries       most entries the zip archive may have (default 100,000)
 * @param maxTotalBytes       most uncompressed bytes read from the archive in all (default 4 GiB)
 * @param maxEntryBytes       most uncompressed bytes of one entry, and of one tensor materialised as a contiguous
 *                            array (default 1 GiB; at most {@link #MAX_ARRAY_BYTES}, what one Java array can hold)
 * @param maxPickleBytes      most bytes of {@code data.pkl} (default 256 MiB)
 * @param maxMemoEntries      most distinct pickle memo slots (default 2,000,000)
 * @param maxMarkDepth        most MARKs open at once (default 10,000)
 * @param maxStringBytes      longest single str/bytes value in the pickle (default 64 MiB)
 * @param maxPickleValues     most values the unpickler may create, push or insert into containers, counting each
 *                            8 bytes of derived byte strings as one (default 20,000,000: about 1 GiB of heap at
 *                            worst); bounds the stack, the containers and the work of a hostile pickle
 * @param maxModules          most module nodes in the extracted module tree, counting a shared module once per
 *                            path (default 100,000)
 */
public record ReaderLimits(int maxZipEntries, long maxTotalBytes, long maxEntryBytes, long maxPickleBytes,
                           int maxMemoEntries, int maxMarkDepth, long maxStringBytes, long maxPickleValues,
                           int maxModules) {

    /** The largest byte array the JVM reliably allocates. */
    public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    public static final ReaderLimits DEFAULT = new ReaderLimits(100_000, 4 * GIB, GIB, 256 * MIB,
            2_000_000, 10_000, 64 * MIB, 20_000_000, 100_000);

    public ReaderLimits {
        requirePositive(maxZipEntries, "maxZipEntries");
        requirePositive(maxTotalBytes, "maxTotalBytes");
        requirePositive(maxEntryBytes, "maxEntryBytes");
        requirePositive(maxPickleBytes, "maxPickleBytes");
        requirePositive(maxMemoEntries, "maxMemoEntries");
        requirePositive(maxMarkDepth, "maxMarkDepth");
        requirePositive(maxStringBytes, "maxStringBytes");
        requirePositive(maxPickleValues, "maxPickleValues");
        requirePositive(maxModules, "maxModules");
        if (maxEntryBytes > MAX_ARRAY_BYTES || maxPickleBytes > MAX_ARRAY_BYTES || maxStringBytes > MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException("per-entry, pickle and string limits must fit a Java array ("
                    + MAX_ARRAY_BYTES + " bytes)");
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
