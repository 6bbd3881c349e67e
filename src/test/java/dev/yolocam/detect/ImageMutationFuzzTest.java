package dev.yolocam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.YolocamException;
import dev.yolocam.testing.Oracle;
import dev.yolocam.testing.fuzz.ByteMutation;
import dev.yolocam.testing.fuzz.ByteMutations;
import dev.yolocam.testing.fuzz.FuzzBounds;
import dev.yolocam.testing.fuzz.FuzzSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Real images ({@code testdata/fuzz-seeds}: small crops of a sample image as RGB and palette PNG, baseline,
 * progressive and EXIF-rotated JPEG, and BMP) damaged like files in the wild: flipped bits, overwritten bytes,
 * truncation (anywhere, at every chunk/segment/header boundary, and at every length for the smallest seeds), image
 * sizes in the headers set to absurd values, PNG chunks and JPEG segments removed or repeated.
 * {@link ImageLoader#load} must return an image or throw a YolocamException with a one-line "yolocam: " message,
 * within {@link #BOUNDS} (see {@link FuzzSuite}).
 */
class ImageMutationFuzzTest {
    /**
     * An image may be as large as {@link ImageLoader#MAX_PIXELS}: its raster and its RGB copy take 3 bytes a pixel
     * each, so a header that claims a near-limit size may make the decoder allocate ~0.6 GB before the data runs
     * out. Allowed: twice that. Allocating, zeroing and collecting that much takes ~1-2 s of CPU (2.1 s seen once
     * in CI with the GC busy), so a case may take 6 s: still far below a decode whose work grows past the limit.
     */
    private static final FuzzBounds BOUNDS = new FuzzBounds(Duration.ofSeconds(6),
            ImageLoader.MAX_PIXELS * 3 * 2 * 2, 1536 * FuzzBounds.MIB);
    private static final FuzzSuite SUITE = new FuzzSuite("image", BOUNDS);

    private static final Path SEEDS = Oracle.testdata().resolve("fuzz-seeds");
    private static final List<ImageSeed> IMAGES = Stream.of("seed-rgb.png", "seed-indexed.png", "seed-baseline.jpg",
            "seed-progressive.jpg", "seed-exif6.jpg", "seed-rgb.bmp").map(ImageSeed::load).toList();
    /** Small enough to be cut at every length. */
    private static final List<ImageSeed> SMALLEST = IMAGES.stream().filter(s -> s.bytes().length < 1000).toList();
    private static final List<Long> SIZES_32 = List.of(0L, 1L, 2L, 0xFFFFL, 0x10000L, 10_000L, 10_001L, 46_341L,
            100_000L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0xFFFF_FFFEL);
    private static final List<Long> SIZES_16 = List.of(0L, 1L, 2L, 10_000L, 10_001L, 32_768L, 65_535L);

    private static final AtomicLong FILE_NUMBER = new AtomicLong();
    private static Path scratch;

    /** A seed image file, by name. */
    record ImageSeed(String fileName, byte[] bytes) {
        static ImageSeed load(String fileName) {
            try {
                return new ImageSeed(fileName, Files.readAllBytes(SEEDS.resolve(fileName)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return fileName;
        }
    }

    /** A seed, what is done to it in words, and the byte mutations that do it (applied in order). */
    record Mutant(ImageSeed seed, String what, List<ByteMutation> steps) {
        Mutant(ImageSeed seed, ByteMutation mutation) {
            this(seed, mutation.toString(), List.of(mutation));
        }

        byte[] bytes() {
            byte[] bytes = seed.bytes();
            for (ByteMutation step : steps) {
                bytes = step.apply(bytes);
            }
            return bytes;
        }

        @Override
        public String toString() {
            return seed + ": " + what;
        }
    }

    @BeforeContainer
    static void decodeEverySeedOnce() throws IOException {
        scratch = Files.createTempDirectory("yolocam-image-fuzz");
        for (ImageSeed seed : IMAGES) {
            RgbImage image = ImageLoader.load(write(seed, seed.bytes()));
            assertTrue(image.width() >= 32 && image.height() >= 32, seed + " decodes");
        }
        ImageSeed rotated = ImageSeed.load("seed-exif6.jpg");
        assertEquals(48, ImageLoader.load(write(rotated, rotated.bytes())).width(),
                "the EXIF orientation 6 seed is turned upright");
    }

    @AfterContainer
    static void report() throws IOException {
        System.out.println(SUITE.summary());
        System.out.println(SUITE.details());
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    // ----- properties

    @Property(tries = 6000)
    void imagesWithDamagedBytesDecodeOrAreRefused(@ForAll("damagedBytes") Mutant mutant) {
        check(mutant);
    }

    @Property(tries = 2500)
    void imagesClaimingAbsurdSizesDecodeOrAreRefused(@ForAll("absurdSizes") Mutant mutant) {
        check(mutant);
    }

    @Property(tries = 500, generation = GenerationMode.EXHAUSTIVE)
    void imagesWithChunksOrSegmentsRemovedOrRepeatedDecodeOrAreRefused(@ForAll("removedOrRepeated") Mutant mutant) {
        check(mutant);
    }

    @Property(tries = 500, generation = GenerationMode.EXHAUSTIVE)
    void imagesTruncatedAtEveryStructureBoundaryDecodeOrAreRefused(@ForAll("boundaryTruncations") Mutant mutant) {
        check(mutant);
    }

    @Property(tries = 3000, generation = GenerationMode.EXHAUSTIVE)
    void theSmallestImagesTruncatedAtEveryLengthDecodeOrAreRefused(@ForAll("everyLength") Mutant mutant) {
        check(mutant);
    }

    /** The bug this suite found, pinned: such a file used to decode for 10 s and allocate 3.4 GB. */
    @Example
    void aJpegClaimingMorePixelsThanItsDataCanHoldIsRefusedBeforeDecoding() {
        ImageSeed progressive = ImageSeed.load("seed-progressive.jpg");
        Path file = write(progressive, sizeEdit(progressive, 10_000L, 10_000L, false).bytes());
        YolocamException e = assertThrows(YolocamException.class, () -> ImageLoader.load(file));
        assertTrue(e.getMessage().endsWith("cannot read image: the file is too short for a JPEG of 10000x10000 "
                + "pixels (887 bytes: truncated or corrupt)"), e.getMessage());
    }

    private static void check(Mutant mutant) {
        Path file = write(mutant.seed(), mutant.bytes());
        try {
            SUITE.check(mutant.toString(), () -> ImageLoader.load(file));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // scratch is removed after the suite anyway
            }
        }
    }

    // ----- generators

    @Provide
    Arbitrary<Mutant> damagedBytes() {
        return Arbitraries.of(IMAGES).flatMap(seed -> ByteMutations.any(seed.bytes().length)
                .map(m -> new Mutant(seed, m)));
    }

    @Provide
    Arbitrary<Mutant> absurdSizes() {
        Arbitrary<Long> size32 = Arbitraries.oneOf(Arbitraries.of(SIZES_32),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL));
        Arbitrary<Long> size16 = Arbitraries.oneOf(Arbitraries.of(SIZES_16), Arbitraries.longs().between(0, 0xFFFF));
        Arbitrary<Boolean> setWidth = Arbitraries.of(true, false);
        Arbitrary<Boolean> setHeight = Arbitraries.of(true, false);
        return Arbitraries.of(IMAGES).flatMap(seed -> {
            boolean png = PngChunks.isPng(seed.bytes());
            boolean jpeg = JpegSegments.isJpeg(seed.bytes());
            Arbitrary<Long> size = jpeg ? size16 : size32;
            return Combinators.combine(setWidth, size, setHeight, size, Arbitraries.of(true, false))
                    .filter((w, width, h, height, fixCrc) -> w || h)
                    .as((w, width, h, height, fixCrc) -> sizeEdit(seed, w ? width : null, h ? height : null,
                            png && fixCrc));
        });
    }

    @Provide
    Arbitrary<Mutant> removedOrRepeated() {
        List<Mutant> mutants = new ArrayList<>();
        for (ImageSeed seed : IMAGES) {
            byte[] bytes = seed.bytes();
            for (int[] part : parts(bytes)) {
                String name = partName(bytes, part);
                byte[] copy = Arrays.copyOfRange(bytes, part[0], part[1]);
                mutants.add(new Mutant(seed, "remove " + name,
                        List.of(new ByteMutation.Splice(part[0], part[1] - part[0], new byte[0]))));
                mutants.add(new Mutant(seed, "repeat " + name,
                        List.of(new ByteMutation.Splice(part[1], 0, copy))));
            }
        }
        return Arbitraries.of(mutants);
    }

    @Provide
    Arbitrary<Mutant> boundaryTruncations() {
        List<Mutant> mutants = new ArrayList<>();
        for (ImageSeed seed : IMAGES) {
            for (int offset : boundaries(seed.bytes())) {
                mutants.add(new Mutant(seed, new ByteMutation.Truncation(offset)));
            }
        }
        return Arbitraries.of(mutants);
    }

    @Provide
    Arbitrary<Mutant> everyLength() {
        List<Mutant> mutants = new ArrayList<>();
        for (ImageSeed seed : SMALLEST) {
            for (int length = 0; length < seed.bytes().length; length++) {
                mutants.add(new Mutant(seed, new ByteMutation.Truncation(length)));
            }
        }
        return Arbitraries.of(mutants);
    }

    // ----- image structure

    /** The header's width and/or height (null: unchanged) set to the given values; for PNG maybe with a valid CRC. */
    private static Mutant sizeEdit(ImageSeed seed, Long width, Long height, boolean fixCrc) {
        byte[] bytes = seed.bytes();
        List<ByteMutation> steps = new ArrayList<>();
        String what;
        if (PngChunks.isPng(bytes)) {
            addField(steps, 16, width, 4, ByteOrder.BIG_ENDIAN);
            addField(steps, 20, height, 4, ByteOrder.BIG_ENDIAN);
            what = "PNG IHDR";
        } else if (JpegSegments.isJpeg(bytes)) {
            int heightOffset = JpegSegments.frame(JpegSegments.of(bytes)).orElseThrow().heightOffset();
            addField(steps, heightOffset + 2, width, 2, ByteOrder.BIG_ENDIAN);
            addField(steps, heightOffset, height, 2, ByteOrder.BIG_ENDIAN);
            what = "JPEG SOF";
        } else {
            addField(steps, 18, width, 4, ByteOrder.LITTLE_ENDIAN);
            addField(steps, 22, height, 4, ByteOrder.LITTLE_ENDIAN);
            what = "BMP info header";
        }
        if (fixCrc) {
            byte[] edited = new Mutant(seed, "", steps).bytes();
            PngChunks.Chunk header = PngChunks.of(edited).get(0);
            steps.add(new ByteMutation.Overwrite(header.crcOffset(),
                    ByteBuffer.allocate(4).putInt(PngChunks.crcOf(edited, header)).array()));
        }
        return new Mutant(seed, what + " width " + (width == null ? "kept" : width) + ", height "
                + (height == null ? "kept" : height) + (fixCrc ? ", CRC fixed" : ""), steps);
    }

    private static void addField(List<ByteMutation> steps, int offset, Long value, int width, ByteOrder order) {
        if (value == null) {
            return;
        }
        ByteBuffer field = ByteBuffer.allocate(8).order(order).putLong(value);
        byte[] bytes = order == ByteOrder.BIG_ENDIAN ? Arrays.copyOfRange(field.array(), 8 - width, 8)
                : Arrays.copyOf(field.array(), width);
        steps.add(new ByteMutation.Overwrite(offset, bytes));
    }

    /** PNG chunks or JPEG segments as [start, end) pairs; a BMP's two headers and its pixel array. */
    private static List<int[]> parts(byte[] bytes) {
        List<int[]> parts = new ArrayList<>();
        if (PngChunks.isPng(bytes)) {
            PngChunks.of(bytes).forEach(c -> parts.add(new int[] {c.start(), c.end()}));
        } else if (JpegSegments.isJpeg(bytes)) {
            JpegSegments.of(bytes).forEach(s -> parts.add(new int[] {s.start(), s.end()}));
        } else {
            int pixels = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(10);
            parts.add(new int[] {0, 14});
            parts.add(new int[] {14, pixels});
            parts.add(new int[] {pixels, bytes.length});
        }
        return parts;
    }

    private static String partName(byte[] bytes, int[] part) {
        if (PngChunks.isPng(bytes)) {
            return "chunk " + PngChunks.of(bytes).stream().filter(c -> c.start() == part[0]).findFirst()
                    .orElseThrow();
        }
        if (JpegSegments.isJpeg(bytes)) {
            return "segment " + JpegSegments.of(bytes).stream().filter(s -> s.start() == part[0]).findFirst()
                    .orElseThrow();
        }
        return "BMP bytes [" + part[0] + ", " + part[1] + ")";
    }

    /**
     * Offsets where a file's structures meet: each chunk's/segment's start, data start and CRC (PNG), each BMP
     * header field, and the last two bytes (a JPEG's EOI marker, a PNG's CRC).
     */
    private static List<Integer> boundaries(byte[] bytes) {
        List<Integer> offsets = new ArrayList<>();
        if (PngChunks.isPng(bytes)) {
            for (PngChunks.Chunk c : PngChunks.of(bytes)) {
                offsets.addAll(List.of(c.start(), c.start() + 4, c.dataStart(), c.crcOffset()));
            }
        } else if (JpegSegments.isJpeg(bytes)) {
            for (JpegSegments.Segment s : JpegSegments.of(bytes)) {
                offsets.addAll(List.of(s.start(), s.start() + 2, s.start() + 4, s.end()));
            }
        } else {
            for (int field = 0; field <= 54; field += 2) {
                offsets.add(field);
            }
        }
        offsets.addAll(List.of(1, bytes.length - 2, bytes.length - 1));
        return offsets.stream().filter(o -> o < bytes.length).distinct().sorted().toList();
    }

    /** Each case gets a file of its own, named like its seed (so that its extension is the seed's). */
    private static Path write(ImageSeed seed, byte[] bytes) {
        Path file = scratch.resolve(FILE_NUMBER.incrementAndGet() + "-" + seed.fileName());
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
