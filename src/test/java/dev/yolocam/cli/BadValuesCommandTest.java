package dev.yolocam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolocam.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No "internal error" is reachable from the command line: every command with a table of bad values (each option's
 * edge values, layers that cannot be explained, unknown names) ends in one error line, exit 1 or 2, and never shows
 * an exception. A second table runs values at the edge of what is allowed and expects them to work. The embedded
 * model at --imgsz 64 keeps it fast.
 */
class BadValuesCommandTest {
    @TempDir
    static Path temp;
    private static final AtomicInteger RUN = new AtomicInteger();
    private static Path emptyDir;
    private static Path textFile;

    @BeforeAll
    static void files() throws IOException {
        emptyDir = Files.createDirectories(temp.resolve("empty"));
        textFile = Files.writeString(temp.resolve("notes.txt"), "not an image, not a model\n");
    }

    /** Defaults each command gets unless the case gives that option itself (so the bad value is the only one). */
    private static final List<List<String>> EXPLAIN = List.of(List.of("--imgsz", "64"), List.of("--metrics", "none"),
            List.of("--save", "json"), List.of("--out", "{out}"), List.of("-q"));
    private static final List<List<String>> SWEEP = List.of(List.of("--imgsz", "64"), List.of("--metrics", "none"),
            List.of("--out", "{out}"), List.of("-q"));
    private static final List<List<String>> DETECT = List.of(List.of("--imgsz", "64"), List.of("--out", "{out}"),
            List.of("-q"));
    private static final List<List<String>> BENCH = List.of(List.of("--random", "yolov5n"), List.of("--imgsz", "64"),
            List.of("--runs", "1"), List.of("--warmup", "0"), List.of("--method", "GradCAM"),
            List.of("--images-per-pass", "1"), List.of("-q"));
    private static final Set<String> OVERRIDES_METRICS = Set.of("--metrics", "--no-metrics");

    static Stream<String> badValues() {
        List<List<String>> cases = new ArrayList<>();
        for (String command : List.of("explain", "sweep")) {
            for (String[] bad : new String[][] {
                {"--imgsz", "0"}, {"--imgsz", "-64"}, {"--imgsz", "99999"}, {"--imgsz", "abc"}, {"--imgsz", ""},
                {"--imgsz", "6.4e1"}, {"--imgsz", "64", "99999"},
                {"--device", ""}, {"--device", "tpu"}, {"--device", "cuda"},
                {"--weights", ""}, {"--weights", "{missing}"}, {"--weights", "{dir}"}, {"--weights", "{text}"},
                {"--cfg", "{missing}"},
                {"--method", ""}, {"--method", "MagicCAM"},
                {"--target", ""}, {"--target", "colour"},
                {"--aggregate", ""}, {"--aggregate", "median"},
                {"--keep-top", "-1"}, {"--keep-top", "101"}, {"--keep-top", "NaN"}, {"--keep-top", "abc"},
                {"--batch-size", "0"}, {"--batch-size", "-1"}, {"--batch-size", "100000"}, {"--batch-size", "x"},
                {"--metrics", ""}, {"--metrics", "some"}, {"--metrics", "all", "--no-metrics"},
                {"--conf", "-0.1"}, {"--conf", "2"}, {"--conf", "NaN"}, {"--conf", "abc"}, {"--conf", ""},
                {"--iou", "-1"}, {"--iou", "1.5"}, {"--iou", "NaN"},
                {"--max-det", "0"}, {"--max-det", "-1"}, {"--max-det", "99999999999"},
                {"--classes", ""}, {"--classes", "hexagon"}, {"--classes", "99"}, {"--classes", "-1"},
                {"--seed", "abc"}, {"--seed", "1.5"}, {"--seed", "99999999999999999999"},
                {"--masks", "0"}, {"--masks", "-1"}, {"--masks", "abc"}, {"--masks", "99999999999"},
                {"--layr", "17"}, {"{missing}"}, {"{dir}"}, {""}}) {
                cases.add(withDefaults(command, command.equals("sweep") ? SWEEP : EXPLAIN, bad));
            }
        }
        for (String[] bad : new String[][] {
            {"--layer", ""}, {"--layer", "model.24"}, {"--layer", "-1"}, {"--layer", "25"}, {"--layer", "-26"},
            {"--layer", "99999999999"}, {"--layer", "model.99"}, {"--layer", "model.24", "--method", "EigenCAM"},
            {"--layer", "model.24", "--per-detection"}, {"--layer", "model.24", "--method", "ScoreCAM"},
            {"--layer", "model.24", "--method", "AblationCAM"},
            {"--save", ""}, {"--save", "pdf"}, {"--save", "json,,overlay"},
            {"--images-per-pass", "0"}, {"--images-per-pass", "-1"}, {"--images-per-pass", "65"},
            {"--images-per-pass", "abc"}, {"--source", "{missing}"}}) {
            cases.add(withDefaults("explain", EXPLAIN, bad));
        }
        for (String[] bad : new String[][] {
            {"--layers", ""}, {"--layers", "model.24"}, {"--layers", "nothing.*"}, {"--method", "FullGrad"},
            {"--method", "D-RISE"}}) {
            cases.add(withDefaults("sweep", SWEEP, bad));
        }
        for (String[] bad : new String[][] {
            {"--imgsz", "0"}, {"--imgsz", "-1"}, {"--imgsz", "99999"}, {"--imgsz", "abc"},
            {"--device", "tpu"}, {"--weights", "{missing}"}, {"--weights", "{text}"},
            {"--conf", "NaN"}, {"--conf", "-1"}, {"--iou", "2"}, {"--max-det", "0"}, {"--classes", "hexagon"},
            {"--images-per-pass", "0"}, {"--images-per-pass", "99999"},
            {"--method", "GradCAM"}, {"{missing}"}, {"{dir}"}}) {
            cases.add(withDefaults("detect", DETECT, bad));
        }
        for (String[] bad : new String[][] {
            {"--imgsz", "0"}, {"--imgsz", "-1"}, {"--imgsz", "99999"}, {"--imgsz", "abc"}, {"--imgsz", ""},
            {"--weights", ""}, {"--weights", "{missing}"}, {"--weights", "{dir}"}, {"--device", "tpu"},
            {"--cfg", "{missing}"}, {"--conf", "0.5"}}) {
            cases.add(withDefaults("layers", List.of(List.of("--imgsz", "64")), bad));
        }
        for (String[] bad : new String[][] {
            {}, {"--output", ""}, {"--output", "{dir}"},
            {"--weights", "{missing}", "--output", "{out}.yolocam"},
            {"--weights", "{text}", "--output", "{out}.yolocam"},
            {"--imgsz", "0", "--output", "{out}.yolocam"}, {"--device", "tpu", "--output", "{out}.yolocam"}}) {
            cases.add(withDefaults("convert", List.of(List.of("-q")), bad));
        }
        for (String[] bad : new String[][] {
            {"--random", "yolov5q"}, {"--random", ""}, {"--random", "YOLOv5N"}, {"--weights", "{missing}"},
            {"--weights", "{text}"}, {"--weights", "{missing}", "--random", "yolov5n"},
            {"--imgsz", "0"}, {"--imgsz", "-64"}, {"--imgsz", "99999"}, {"--imgsz", "abc"}, {"--imgsz", ""},
            {"--imgsz", "64,,64"},
            {"--runs", "0"}, {"--runs", "-1"}, {"--warmup", "-1"}, {"--soak", "-1"}, {"--runs", "abc"},
            {"--images-per-pass", "0"}, {"--images-per-pass", "65"}, {"--threads", "0"}, {"--threads", "-2"},
            {"--threads", "99999"},
            {"--method", ""}, {"--method", "MagicCAM"}, {"--method", "GradCAM,,EigenCAM"},
            {"--layer", "model.24"}, {"--layer", "-1"}, {"--layer", "99"}, {"--layer", "model.99"}, {"--layer", ""},
            {"--json", ""}, {"--json", "{dir}"},
            {"--seed", "abc"}}) {
            List<String> args = withDefaults("bench", BENCH, bad);
            if (Arrays.asList(bad).contains("--weights") && !Arrays.asList(bad).contains("--random")) {
                int i = args.indexOf("--random");
                args.remove(i);
                args.remove(i);
            }
            cases.add(args);
        }
        cases.add(List.of("explian"));
        cases.add(List.of("--nope"));
        cases.add(List.of("help", "nosuch"));
        return cases.stream().map(BadValuesCommandTest::join);
    }

    static Stream<String> edgeValuesThatWork() {
        List<List<String>> cases = new ArrayList<>();
        for (String[] edge : new String[][] {
            {"--conf", "0", "--max-det", "3"}, {"--conf", "1"}, {"--iou", "0"}, {"--iou", "1"},
            {"--max-det", "2147483647"}, {"--keep-top", "100"}, {"--imgsz", "32"}, {"--imgsz", "33", "65"},
            {"--method", "RandomCAM", "--seed", "-9223372036854775808"}, {"--layer", "model.24.m.0"},
            {"--layer", "model.24.m.1", "--aug-smooth"}, {"--layer", "-2", "--per-detection", "--method", "EigenCAM"},
            {"--batch-size", "256"}, {"--images-per-pass", "64"}, {"--method", "DRISE", "--masks", "1"}}) {
            cases.add(withDefaults("explain", EXPLAIN, edge));
        }
        cases.add(withDefaults("sweep", SWEEP, new String[] {"--conf", "1"}));
        cases.add(withDefaults("sweep", SWEEP, new String[] {"--layers", "model.24.**"}));
        cases.add(withDefaults("detect", DETECT, new String[] {"--conf", "1"}));
        cases.add(withDefaults("layers", List.of(), new String[] {"--imgsz", "32", "33"}));
        return cases.stream().map(BadValuesCommandTest::join);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsOneErrorLineAndAUsageOrRuntimeExitCode(String command) {
        Cli.Result r = Cli.run(arguments(command));
        assertTrue(r.exitCode() == 1 || r.exitCode() == 2, command + ": exit " + r.exitCode() + "\n" + r.err()
                + r.out());
        assertTrue(r.oneLineError(), command + "\n" + r.err());
        assertNoException(command, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeValuesThatWork")
    void anEdgeValueThatIsAllowedWorks(String command) {
        Cli.Result r = Cli.run(arguments(command));
        assertEquals(0, r.exitCode(), command + "\n" + r.err());
        assertNoException(command, r);
    }

    private static void assertNoException(String command, Cli.Result r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("Exception") || all.contains("internal error"), command + "\n" + all);
    }

    /** The case's arguments, then each default option the case does not give itself; an image for image commands. */
    private static List<String> withDefaults(String command, List<List<String>> defaults, String[] bad) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(Arrays.asList(bad));
        for (List<String> option : defaults) {
            String name = option.get(0);
            boolean given = Arrays.asList(bad).contains(name)
                    || OVERRIDES_METRICS.contains(name) && Arrays.stream(bad).anyMatch(OVERRIDES_METRICS::contains);
            if (!given) {
                args.addAll(option);
            }
        }
        if (Set.of("explain", "sweep", "detect").contains(command)) {
            args.add("{image}");
        }
        return args;
    }

    /** One case as the test name shows it: arguments separated by spaces, an empty one as ''. */
    private static String join(List<String> args) {
        return String.join(" ", args.stream().map(a -> a.isEmpty() ? "''" : a).toList());
    }

    private static String[] arguments(String joined) {
        Path out = temp.resolve("out" + RUN.incrementAndGet());
        return Arrays.stream(joined.split(" ")).map(a -> a.equals("''") ? "" : a
                .replace("{out}", out.toString())
                .replace("{missing}", temp.resolve("missing").toString())
                .replace("{dir}", emptyDir.toString())
                .replace("{text}", textFile.toString())
                .replace("{image}", Oracle.testdata().resolve("default/images/test_0000.png").toString()))
                .toArray(String[]::new);
    }
}
