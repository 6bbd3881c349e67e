package dev.yolocam.torch;

import dev.yolocam.testing.fuzz.ByteMutation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One edit of a zip-based model file: damage to the file's bytes, or an edit at the level of its entries (removing,
 * duplicating, renaming or swapping entries, damaging one entry's content or pickle instructions) after which the
 * entries are zipped again.
 */
sealed interface ZipEdit {
    byte[] apply(ZipSeed seed);

    /** The file's own bytes damaged; {@code where} names the part of the file the damage was aimed at. */
    record DamageFile(ByteMutation mutation, String where) implements ZipEdit {
        @Override
        public byte[] apply(ZipSeed seed) {
            return mutation.apply(seed.bytes());
        }

        @Override
        public String toString() {
            return mutation + " (" + where + ")";
        }
    }

    /** The archive without the entry. */
    record RemoveEntry(String name) implements ZipEdit {
        @Override
        public byte[] apply(ZipSeed seed) {
            Map<String, byte[]> entries = new LinkedHashMap<>(seed.entries());
            entries.remove(name);
            return ZipSeed.zip(entries);
        }

        @Override
        public String toString() {
            return "remove entry " + name;
        }
    }

    /**
     * The original file with the entry's central directory record written twice: two entries of one name, as a
     * zip writer that does not check names produces.
     */
    record DuplicateEntry(String name) implements ZipEdit {
        private static final int END_ENTRIES_ON_DISK = 8;
        private static final int END_ENTRIES_TOTAL = 10;
        private static final int END_DIRECTORY_SIZE = 12;

        @Override
        public byte[] apply(ZipSeed seed) {
            ZipLayout.Entry entry = seed.layout().entry(name);
            int recordLength = entry.centralRecordEnd() - entry.centralRecord();
            byte[] in = seed.bytes();
            byte[] out = new byte[in.length + recordLength];
            System.arraycopy(in, 0, out, 0, entry.centralRecordEnd());
            System.arraycopy(in, entry.centralRecord(), out, entry.centralRecordEnd(), recordLength);
            System.arraycopy(in, entry.centralRecordEnd(), out, entry.centralRecordEnd() + recordLength,
                    in.length - entry.centralRecordEnd());
            ByteBuffer end = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
            int endRecord = seed.layout().endRecord() + recordLength;
            end.putShort(endRecord + END_ENTRIES_ON_DISK, (short) (end.getShort(endRecord + END_ENTRIES_ON_DISK) + 1));
            end.putShort(endRecord + END_ENTRIES_TOTAL, (short) (end.getShort(endRecord + END_ENTRIES_TOTAL) + 1));
            end.putInt(endRecord + END_DIRECTORY_SIZE, end.getInt(endRecord + END_DIRECTORY_SIZE) + recordLength);
            return out;
        }

        @Override
        public String toString() {
            return "list entry " + name + " twice in the central directory";
        }
    }

    /** The entry under another name (kept in its place in the archive). */
    record RenameEntry(String name, String newName) implements ZipEdit {
        @Override
        public byte[] apply(ZipSeed seed) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            seed.entries().forEach((n, bytes) -> entries.put(n.equals(name) ? newName : n, bytes));
            return ZipSeed.zip(entries);
        }

        @Override
        public String toString() {
            return "rename entry " + name + " to " + newName;
        }
    }

    /** Each of the two entries with the other's content. */
    record SwapContents(String first, String second) implements ZipEdit {
        @Override
        public byte[] apply(ZipSeed seed) {
            Map<String, byte[]> entries = new LinkedHashMap<>(seed.entries());
            entries.put(first, seed.entries().get(second));
            entries.put(second, seed.entries().get(first));
            return ZipSeed.zip(entries);
        }

        @Override
        public String toString() {
            return "swap the contents of " + first + " and " + second;
        }
    }

    /** The entry's content damaged byte-wise. */
    record MutateContent(String name, ByteMutation mutation) implements ZipEdit {
        @Override
        public byte[] apply(ZipSeed seed) {
            Map<String, byte[]> entries = new LinkedHashMap<>(seed.entries());
            entries.put(name, mutation.apply(seed.entries().get(name)));
            return ZipSeed.zip(entries);
        }

        @Override
        public String toString() {
            return name + ": " + mutation;
        }
    }

    /** The pickle entry with one instruction damaged; {@code target} describes that instruction. */
    record MutatePickle(String name, PickleMutation mutation, PickleOps.Op target) implements ZipEdit {
        @Override
        public byte[] apply(ZipSeed seed) {
            byte[] pickle = seed.entries().get(name);
            Map<String, byte[]> entries = new LinkedHashMap<>(seed.entries());
            entries.put(name, mutation.apply(pickle, PickleOps.scan(pickle)));
            return ZipSeed.zip(entries);
        }

        @Override
        public String toString() {
            return name + ": " + mutation + " (" + target + ")";
        }
    }

    /** Names a renamed entry may get: other folders, zip-slip names, near misses of the names torch uses. */
    static List<String> renamesOf(String name) {
        int slash = name.indexOf('/');
        String inFolder = slash >= 0 ? name.substring(slash + 1) : name;
        return List.of("other/" + inFolder, "../" + name, "/" + name, name.replace('/', '\\'), "C:" + name,
                name + "/", name + "x", name.substring(0, name.length() - 1), name.toUpperCase(Locale.ROOT),
                name + "\u00e9", "a/b/" + name, name + "/" + "a".repeat(2000), inFolder,
                name.replace("data.pkl", "constants.pkl"), name.replaceAll("/data/\\d+$", "/data/99999"));
    }
}
