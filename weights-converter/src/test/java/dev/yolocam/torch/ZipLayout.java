package dev.yolocam.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where the parts of a (well-formed, non-zip64) zip file lie, read from its end record and central directory: each
 * entry's local header and data, each central directory record and the end record. Fuzz tests use it to truncate
 * at every boundary, to aim damage at one kind of region and to splice records.
 */
final class ZipLayout {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int CENTRAL_RECORD_SIZE = 46;
    private static final int LOCAL_HEADER_SIZE = 30;

    /** The kinds of region a zip file consists of. */
    enum Kind { LOCAL_HEADER, DATA, CENTRAL_RECORD, END_RECORD }

    /** Bytes {@code [start, end)} of the file, of the given kind; {@code name} is the entry's (empty for the end). */
    record Region(Kind kind, String name, int start, int end) {
    }

    /** One entry: its name, local header, data and central directory record. */
    record Entry(String name, int localHeader, int dataStart, int dataEnd, int centralRecord, int centralRecordEnd) {
    }

    private final int length;
    private final List<Entry> entries;
    private final int centralDirectory;
    private final int endRecord;

    private ZipLayout(int length, List<Entry> entries, int centralDirectory, int endRecord) {
        this.length = length;
        this.entries = List.copyOf(entries);
        this.centralDirectory = centralDirectory;
        this.endRecord = endRecord;
    }

    static ZipLayout of(byte[] zip) {
        ByteBuffer in = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEndRecord(in);
        int count = Short.toUnsignedInt(in.getShort(end + 10));
        int centralDirectory = in.getInt(end + 16);
        List<Entry> entries = new ArrayList<>();
        int record = centralDirectory;
        for (int i = 0; i < count; i++) {
            if (in.getInt(record) != CENTRAL_SIGNATURE) {
                throw new IllegalArgumentException("no central directory record at " + record);
            }
            int compressedSize = in.getInt(record + 20);
            int nameLength = Short.toUnsignedInt(in.getShort(record + 28));
            int recordEnd = record + CENTRAL_RECORD_SIZE + nameLength + Short.toUnsignedInt(in.getShort(record + 30))
                    + Short.toUnsignedInt(in.getShort(record + 32));
            int localHeader = in.getInt(record + 42);
            int dataStart = localHeader + LOCAL_HEADER_SIZE + Short.toUnsignedInt(in.getShort(localHeader + 26))
                    + Short.toUnsignedInt(in.getShort(localHeader + 28));
            String name = new String(zip, record + CENTRAL_RECORD_SIZE, nameLength, StandardCharsets.UTF_8);
            entries.add(new Entry(name, localHeader, dataStart, dataStart + compressedSize, record, recordEnd));
            record = recordEnd;
        }
        return new ZipLayout(zip.length, entries, centralDirectory, end);
    }

    private static int findEndRecord(ByteBuffer in) {
        for (int at = in.capacity() - END_RECORD_SIZE; at >= 0; at--) {
            if (in.getInt(at) == END_SIGNATURE) {
                return at;
            }
        }
        throw new IllegalArgumentException("not a zip file: no end of central directory record");
    }

    List<Entry> entries() {
        return entries;
    }

    Entry entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entry " + name));
    }

    int endRecord() {
        return endRecord;
    }

    int centralDirectory() {
        return centralDirectory;
    }

    /** Every region of the file, in file order. */
    List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        for (Entry e : entries) {
            regions.add(new Region(Kind.LOCAL_HEADER, e.name(), e.localHeader(), e.dataStart()));
            if (e.dataEnd() > e.dataStart()) {
                regions.add(new Region(Kind.DATA, e.name(), e.dataStart(), e.dataEnd()));
            }
        }
        for (Entry e : entries) {
            regions.add(new Region(Kind.CENTRAL_RECORD, e.name(), e.centralRecord(), e.centralRecordEnd()));
        }
        regions.add(new Region(Kind.END_RECORD, "", endRecord, length));
        return regions;
    }

    /** Every offset where one region ends and the next begins, the start of the file included, the end not. */
    SortedSet<Integer> boundaries() {
        SortedSet<Integer> boundaries = new TreeSet<>();
        for (Region region : regions()) {
            boundaries.add(region.start());
            boundaries.add(region.end());
        }
        boundaries.remove(length);
        return boundaries;
    }
}
