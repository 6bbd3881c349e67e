package dev.yolocam.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The marker segments of a well-formed JPEG file up to its first scan (SOI, APPn, DQT, SOF, DHT, SOS, ...), for
 * fuzz tests that remove them or edit the frame size.
 */
final class JpegSegments {
    /**
     * One segment: bytes {@code [start, end)}, from its 0xFF marker byte to the end of its length-counted payload
     * (for SOS: to the end of its header; the entropy-coded data that follows is not a segment).
     */
    record Segment(int marker, int start, int end) {
        /** Start-of-frame markers (SOF0-3, 5-7, 9-11, 13-15) carry the image size. */
        boolean isFrame() {
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }

        /** Offset of the frame's 16-bit big-endian height; the width follows it. */
        int heightOffset() {
            return start + 5;
        }

        @Override
        public String toString() {
            return String.format("marker FF%02X at %d", marker, start);
        }
    }

    private JpegSegments() {
    }

    static boolean isJpeg(byte[] file) {
        return file.length > 3 && file[0] == (byte) 0xFF && file[1] == (byte) 0xD8;
    }

    static List<Segment> of(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment(0xD8, 0, 2));
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xFF) {
            int marker = jpeg[at + 1] & 0xff;
            int length = ((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff);
            segments.add(new Segment(marker, at, at + 2 + length));
            if (marker == 0xDA) {
                break;
            }
            at += 2 + length;
        }
        return segments;
    }

    static Optional<Segment> frame(List<Segment> segments) {
        return segments.stream().filter(Segment::isFrame).findFirst();
    }
}
