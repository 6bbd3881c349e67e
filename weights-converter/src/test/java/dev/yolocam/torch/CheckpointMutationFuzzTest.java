package dev.yolocam.torch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.errors.CheckpointException;
import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import dev.yolocam.testing.Oracle;
import dev.yolocam.testing.fuzz.ByteMutation;
import dev.yolocam.testing.fuzz.ByteMutations;
import dev.yolocam.testing.fuzz.FuzzBounds;
import dev.yolocam.testing.fuzz.FuzzSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Real checkpoints ({@code testdata/fuzz-seeds}: a pickled YOLOv5 model and a state_dict, both written by
 * {@code torch.save}, and a YOLO11 checkpoint saved by Ultralytics' own trainer code) and a real converted
 * {@code .yolocam} model, damaged in every way a download, a disk or an attacker can: flipped bits, overwritten
 * bytes, truncation (anywhere and at every zip region boundary), entries removed, listed twice, renamed or swapped,
 * and pickles with one instruction deleted, repeated, replaced, given another length or integer, or another string.
 * {@link CheckpointReader#read} (and {@link ModelLoader#load} for the .yolocam) must return a model or throw a
 * YolocamException with a one-line "yolocam: " message, within {@link #BOUNDS} (see {@link FuzzSuite}). One case
 * in {@link #GRAPH_ONE_IN} goes the whole way instead: ModelLoader, then a forward graph, under the same contract.
 */
class CheckpointMutationFuzzTest {
    private static final FuzzBounds BOUNDS =
            new FuzzBounds(Duration.ofSeconds(2), 512 * FuzzBounds.MIB, 1536 * FuzzBounds.MIB);
    /** The reader's and the model loader's mappings of runtime exceptions nobody anticipated (see FuzzSuite). */
    private static final FuzzSuite SUITE = new FuzzSuite("checkpoint", BOUNDS,
            List.of(": corrupt checkpoint (", " (unexpected "));
    /** One case in this many goes the whole way to a graph: the slow part, so not every case does. */
    private static final int GRAPH_ONE_IN = 8;

    private static final Path SEEDS = Oracle.testdata().resolve("fuzz-seeds");
    private static final ZipSeed LEAKY = ZipSeed.load(SEEDS.resolve("leaky.pt"));
    private static final ZipSeed STATE_DICT = ZipSeed.load(SEEDS.resolve("statedict.pt"));
    private static final ZipSeed ULTRALYTICS = ZipSeed.load(SEEDS.resolve("ultralytics.pt"));
    private static final ZipSeed CONVERTED = ZipSeed.load(SEEDS.resolve("leaky.yolocam"));
    private static final List<ZipSeed> CHECKPOINTS = List.of(LEAKY, STATE_DICT, ULTRALYTICS);
    /** The YAML each YOLOv5 checkpoint seed's model was built from (what --cfg gets for a state_dict). */
    private static final Map<ZipSeed, Path> YAML = Map.of(LEAKY, SEEDS.resolve("leaky.yaml"),
            STATE_DICT, SEEDS.resolve("statedict.yaml"));
    private static final GraphSpec GRAPH = GraphSpec.forward(64, 64);
    /** Strings a pickle's module names, attribute names, storage keys and dict keys may be replaced by. */
    private static final List<String> PICKLE_STRINGS = List.of("", "a\nb", "x.y", "..", "0", "-1", "99999",
            "model", "Detect", "models.common.Conv", "ultralytics.nn.modules.head", "storage", "cpu", "cuda:0",
            "_modules", "_parameters", "\u2028", "\u00e9", "y".repeat(300));

    private static final AtomicLong FILE_NUMBER = new AtomicLong();
    private static Path scratch;

    /** A seed and what is done to it; the case's description. */
    record Mutant(ZipSeed seed, ZipEdit edit) {
        @Override
        public String toString() {
            return seed + ": " + edit;
        }
    }

    @BeforeContainer
    static void loadEverySeedOnce() throws IOException {
        scratch = Files.createTempDirectory("yolocam-fuzz");
        // Also warms up class loading, the JIT and ND4J, so that the time bound measures the reader, not startup.
        for (ZipSeed seed : List.of(LEAKY, STATE_DICT, ULTRALYTICS, CONVERTED)) {
            Object model = load(seed, write(seed, seed.bytes()), true);
            if (model == null) {
                throw new IllegalStateException("seed " + seed + " does not load");
            }
        }
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

    @Property(tries = 3000)
    void checkpointsWithDamagedBytesLoadOrAreRefused(@ForAll("damagedCheckpointFiles") Mutant mutant,
            @ForAll("graphFraction") boolean buildGraph) {
        check(mutant, buildGraph);
    }

    /** Every such cut loses the zip's end record, so nothing may load. */
    @Property(tries = 5000, generation = GenerationMode.EXHAUSTIVE)
    void filesTruncatedAtEveryZipBoundaryAreRefused(@ForAll("zipBoundaryTruncations") Mutant mutant) {
        assertNull(check(mutant, false), "loaded: " + mutant);
    }

    @Property(tries = 1000)
    void checkpointsWithEditedEntriesLoadOrAreRefused(@ForAll("checkpointEntryEdits") Mutant mutant,
            @ForAll("graphFraction") boolean buildGraph) {
        check(mutant, buildGraph);
    }

    @Property(tries = 3000)
    void checkpointsWithDamagedPicklesLoadOrAreRefused(@ForAll("damagedPickles") Mutant mutant,
            @ForAll("graphFraction") boolean buildGraph) {
        check(mutant, buildGraph);
    }

    @Property(tries = 2000)
    void damagedConvertedModelsLoadOrAreRefused(@ForAll("damagedConvertedModels") Mutant mutant,
            @ForAll("graphFraction") boolean buildGraph) {
        check(mutant, buildGraph);
    }

    // ----- the bugs this suite found, pinned

    @Example
    void aConvertedModelWithAnEmptyModelEntryIsRefusedWithAOneLineMessage() {
        YolocamException e = assertThrows(CheckpointException.class, () -> loadConverted(json -> ""));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("corrupt converted model: No content to map due to end-of-input"),
                e.getMessage());
    }

    @Example
    void aConvertedModelWithAModuleWithoutAClassIsRefused() {
        YolocamException e = assertThrows(CheckpointException.class,
                () -> loadConverted(json -> json.replaceFirst("\"class\"", "\"klass\"")));
        assertTrue(e.getMessage().endsWith("a module has no valid 'class' (a dotted Python name)"),
                e.getMessage());
    }

    @Example
    void aConvertedModelWithALineBreakInAClassNameIsRefused() {
        YolocamException e = assertThrows(CheckpointException.class,
                () -> loadConverted(json -> json.replaceFirst("\"models.common.Conv\"", "\"a\\\\nb\"")));
        assertTrue(e.getMessage().endsWith("a module has no valid 'class' (a dotted Python name)"),
                e.getMessage());
    }

    @Example
    void aModelWithAConvolutionStrideOfZeroIsRefusedWhenItsGraphIsBuilt() {
        YoloModel model = loadConverted(json -> json.replaceFirst("\"stride\" : \\[ 2, 2 \\]",
                "\"stride\" : [ 0, 2 ]"));
        YolocamException e = assertThrows(UnsupportedModelException.class, () -> model.graph(GRAPH));
        assertTrue(e.getMessage().endsWith("model.0.conv (Conv2d): invalid kernel_size/stride/padding/dilation/groups"),
                e.getMessage());
    }

    @Example
    void aGraphErrorQuotingALineBreakFromTheFileStaysOneLine() {
        YoloModel model = loadConverted(json -> json.replaceFirst("\"f\" : -1", "\"f\" : \"a\\\\nb\""));
        YolocamException e = assertThrows(UnsupportedModelException.class, () -> model.graph(GRAPH));
        assertTrue(e.getMessage().endsWith("model.0: invalid 'f' entry a\\x0ab"), e.getMessage());
    }

    @Example
    void aCheckpointWithALineBreakInASubmoduleNameIsRefused() {
        byte[] pickle = PickleBuilder.protocol(2).beginObject("models.yolo", "DetectionModel")
                .str("_modules").beginOrderedDict()
                .str("a\nb").beginObject("torch.nn.modules.activation", "SiLU").endObject()
                .endDict().endObject().stop();
        Path file = CheckpointZipBuilder.archive().pickle(pickle).writeTo(scratch.resolve("line-break.pt"));
        YolocamException e = assertThrows(CheckpointException.class, () -> CheckpointReader.read(file));
        assertTrue(e.getMessage().endsWith("has an invalid member name 'a\\x0ab'"), e.getMessage());
    }

    /** The converted seed with its JSON document edited, loaded like --weights. */
    private static YoloModel loadConverted(UnaryOperator<String> edit) {
        Map<String, byte[]> entries = new LinkedHashMap<>(CONVERTED.entries());
        String json = new String(entries.get("yolocam-model.json"), StandardCharsets.UTF_8);
        entries.put("yolocam-model.json", edit.apply(json).getBytes(StandardCharsets.UTF_8));
        return ModelLoader.load(write(CONVERTED, ZipSeed.zip(entries)), Optional.empty());
    }

    /** Runs the case under the suite's contract; returns what loaded, or null when the file was refused. */
    private static Object check(Mutant mutant, boolean buildGraph) {
        Path file = write(mutant.seed(), mutant.edit().apply(mutant.seed()));
        try {
            String description = mutant + (buildGraph ? " [+ graph]" : "");
            Object loaded = SUITE.check(description, () -> load(mutant.seed(), file, buildGraph));
            if (loaded != null && buildGraph) {
                SUITE.note("graphs built");
            }
            return loaded;
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * Reads the file like its seed's kind is read: a .pt with CheckpointReader, a .yolocam with ModelLoader. With
     * {@code buildGraph}, the file goes the whole way every command takes: ModelLoader (for a state_dict with the
     * seed's YAML as --cfg) and a forward graph from {@link YoloModel#graph}.
     */
    private static Object load(ZipSeed seed, Path file, boolean buildGraph) {
        if (!buildGraph) {
            return seed == CONVERTED ? ModelLoader.load(file, Optional.empty()) : CheckpointReader.read(file);
        }
        return ModelLoader.load(file, Optional.ofNullable(YAML.get(seed))).graph(GRAPH);
    }

    // ----- generators

    @Provide
    Arbitrary<Boolean> graphFraction() {
        return Arbitraries.integers().between(1, GRAPH_ONE_IN).map(i -> i == 1);
    }

    @Provide
    Arbitrary<Mutant> damagedCheckpointFiles() {
        return Arbitraries.of(CHECKPOINTS).flatMap(seed -> fileDamage(seed).map(edit -> new Mutant(seed, edit)));
    }

    @Provide
    Arbitrary<Mutant> zipBoundaryTruncations() {
        List<Mutant> mutants = new ArrayList<>();
        for (ZipSeed seed : List.of(LEAKY, STATE_DICT, ULTRALYTICS, CONVERTED)) {
            boundaryNames(seed.layout()).forEach((offset, where) -> mutants.add(
                    new Mutant(seed, new ZipEdit.DamageFile(new ByteMutation.Truncation(offset), where))));
        }
        return Arbitraries.of(mutants);
    }

    @Provide
    Arbitrary<Mutant> checkpointEntryEdits() {
        return Arbitraries.of(CHECKPOINTS).flatMap(seed -> entryEdits(seed).map(edit -> new Mutant(seed, edit)));
    }

    @Provide
    Arbitrary<Mutant> damagedPickles() {
        return Arbitraries.of(CHECKPOINTS).flatMap(seed -> pickleDamage(seed).map(edit -> new Mutant(seed, edit)));
    }

    @Provide
    Arbitrary<Mutant> damagedConvertedModels() {
        byte[] json = CONVERTED.entries().get("yolocam-model.json");
        byte[] tensors = CONVERTED.entries().get("tensors.bin");
        Arbitrary<ZipEdit> edit = Arbitraries.frequencyOf(
                Tuple.of(3, fileDamage(CONVERTED)),
                Tuple.of(3, ByteMutations.anyWithin(0, json.length)
                        .map(m -> new ZipEdit.MutateContent("yolocam-model.json", m))),
                Tuple.of(4, JsonTokenEdits.replacements(json)
                        .map(m -> new ZipEdit.MutateContent("yolocam-model.json", m))),
                Tuple.of(1, ByteMutations.anyWithin(0, tensors.length)
                        .map(m -> new ZipEdit.MutateContent("tensors.bin", m))),
                Tuple.of(1, entryEdits(CONVERTED)));
        return edit.map(e -> new Mutant(CONVERTED, e));
    }

    /**
     * Damage to the file's bytes: anywhere, aimed at one of its zip structures (a local header, a central directory
     * record, the end record), or aimed at its first entry's data (data.pkl in a torch.save file, the JSON document
     * in a .yolocam).
     */
    private static Arbitrary<ZipEdit> fileDamage(ZipSeed seed) {
        List<ZipLayout.Region> regions = seed.layout().regions();
        List<ZipLayout.Region> structures = regions.stream()
                .filter(r -> r.kind() != ZipLayout.Kind.DATA).toList();
        List<ZipLayout.Region> firstData = regions.stream().filter(r -> r.kind() == ZipLayout.Kind.DATA).limit(1)
                .toList();
        return Arbitraries.frequencyOf(
                Tuple.of(2, ByteMutations.any(seed.bytes().length).map(m -> new ZipEdit.DamageFile(m, "anywhere"))),
                Tuple.of(4, Arbitraries.of(structures).flatMap(CheckpointMutationFuzzTest::damageWithin)),
                Tuple.of(3, Arbitraries.of(firstData).flatMap(CheckpointMutationFuzzTest::damageWithin)));
    }

    private static Arbitrary<ZipEdit> damageWithin(ZipLayout.Region region) {
        String where = "in the " + region.kind() + (region.name().isEmpty() ? "" : " of " + region.name());
        return ByteMutations.anyWithin(region.start(), region.end()).map(m -> new ZipEdit.DamageFile(m, where));
    }

    /** Entries removed, listed twice, renamed or swapped, half the time one of the few that are not storages. */
    private static Arbitrary<ZipEdit> entryEdits(ZipSeed seed) {
        List<String> names = seed.entryNames();
        List<String> special = names.stream().filter(n -> !n.matches(".*/data/\\d+")).toList();
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.of(special));
        return Arbitraries.oneOf(
                name.map(ZipEdit.RemoveEntry::new),
                name.map(ZipEdit.DuplicateEntry::new),
                name.flatMap(n -> Arbitraries.of(ZipEdit.renamesOf(n).stream()
                        .filter(to -> !names.contains(to)).toList()).map(to -> new ZipEdit.RenameEntry(n, to))),
                Combinators.combine(name, name).filter((a, b) -> !a.equals(b)).as(ZipEdit.SwapContents::new));
    }

    /** data.pkl damaged instruction by instruction or byte-wise, or another entry's content damaged. */
    private static Arbitrary<ZipEdit> pickleDamage(ZipSeed seed) {
        String pickleName = seed.entryEndingWith("/data.pkl");
        byte[] pickle = seed.entries().get(pickleName);
        List<PickleOps.Op> ops = PickleOps.scan(pickle);
        Arbitrary<String> otherEntry = Arbitraries.of(seed.entryNames().stream()
                .filter(n -> !n.equals(pickleName) && seed.entries().get(n).length > 0).toList());
        return Arbitraries.frequencyOf(
                Tuple.of(6, pickleMutations(ops).map(m -> new ZipEdit.MutatePickle(pickleName, m,
                        ops.get(m.index())))),
                Tuple.of(3, ByteMutations.anyWithin(0, pickle.length)
                        .map(m -> new ZipEdit.MutateContent(pickleName, m))),
                Tuple.of(1, otherEntry.flatMap(n -> ByteMutations.anyWithin(0, seed.entries().get(n).length)
                        .map(m -> new ZipEdit.MutateContent(n, m)))));
    }

    private static Arbitrary<PickleMutation> pickleMutations(List<PickleOps.Op> ops) {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, ops.size() - 1);
        List<Integer> withField = new ArrayList<>();
        List<Integer> strings = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).fieldWidth() > 0) {
                withField.add(i);
            }
            if (PickleOps.isString(ops.get(i))) {
                strings.add(i);
            }
        }
        Arbitrary<Long> fieldValue = Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, -1L, 0x7fL, 0x80L, 0xffL, 0x7fffL, 0x8000L, 0xffffL, 0x7fff_ffffL,
                        0x8000_0000L, 0xffff_ffffL, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE),
                Arbitraries.longs().between(0, 400),
                Arbitraries.longs());
        return Arbitraries.frequencyOf(
                Tuple.of(2, index.map(PickleMutation.DeleteInstruction::new)),
                Tuple.of(2, index.map(PickleMutation.DuplicateInstruction::new)),
                Tuple.of(1, index.map(PickleMutation.DeleteOpcodeByte::new)),
                Tuple.of(2, Combinators.combine(index, Arbitraries.of(toList(PickleOps.OPCODES)))
                        .as(PickleMutation.ReplaceOpcode::new)),
                Tuple.of(4, Combinators.combine(Arbitraries.of(withField), fieldValue)
                        .as(PickleMutation.SetIntegerField::new)),
                Tuple.of(3, Combinators.combine(Arbitraries.of(strings), Arbitraries.of(PICKLE_STRINGS))
                        .as(PickleMutation.ReplaceString::new)));
    }

    // ----- helpers

    /** Each region boundary of the file, named after the region that starts (or ends) there. */
    private static Map<Integer, String> boundaryNames(ZipLayout layout) {
        Map<Integer, String> names = new LinkedHashMap<>();
        List<ZipLayout.Region> regions = layout.regions();
        for (ZipLayout.Region r : regions) {
            names.putIfAbsent(r.start(), "at the start of the " + r.kind() + " " + r.name());
        }
        for (ZipLayout.Region r : regions) {
            names.putIfAbsent(r.end(), "at the end of the " + r.kind() + " " + r.name());
        }
        names.keySet().retainAll(layout.boundaries());
        return names;
    }

    private static List<Integer> toList(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    /** Each case gets a file of its own: a reused name could meet a cached zip directory of the previous one. */
    private static Path write(ZipSeed seed, byte[] bytes) {
        Path file = scratch.resolve(FILE_NUMBER.incrementAndGet() + "-" + seed.fileName());
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // scratch is removed after the suite anyway
        }
    }
}
