package dev.yolocam.cli;

import dev.yolocam.bench.Benchmark;
import dev.yolocam.bench.Timings;
import dev.yolocam.detect.InputSize;
import dev.yolocam.errors.UsageException;
import dev.yolocam.io.JsonFile;
import dev.yolocam.io.OutputDirectory;
import dev.yolocam.model.RandomModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam bench}: times every stage of the hot path in one process and reports median/min/max and RSS. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = BenchCommand.Defaults.class,
        description = {"Benchmark model loading, forward, forward+backward and CAM methods in one process.",
            "With --images-per-pass N > 1 it also times passes of N images (stages *_batchN, per image).",
            "Compare numbers as ratios within one run: this machine is shared and timings drift."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WeightsOption weights;

    @Option(names = "--random", paramLabel = "ARCH", split = ",",
            description = "Measure models of these architectures with random weights instead, one after the other "
                    + "in this process (e.g. yolov5s, or yolov5n,yolov5s,yolov8n,yolo11n to compare them; stages "
                    + "are then prefixed with the architecture).")
    List<String> random;

    @Option(names = "--imgsz", split = ",", paramLabel = "N", defaultValue = "320,640",
            description = "Square input sizes to measure. Default: ${DEFAULT-VALUE}.")
    List<Integer> sizes;

    @Mixin
    MethodOptions methods;
    @Mixin
    LayerOptions layers;
    @Mixin
    PassOptions pass;
    @Mixin
    RunOptions run;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed runs per stage. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--runs", defaultValue = "7", description = "Timed runs per stage. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--soak", defaultValue = "0", paramLabel = "N",
            description = "Also run N GradCAM passes per size and report RSS (e.g. 200). Default: ${DEFAULT-VALUE}.")
    int soak;

    @Option(names = "--threads", paramLabel = "T",
            description = "Native threads for ND4J, 1 to the number of cores (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the methods that draw random numbers (RandomCAM). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    /** bench's own defaults for shared options: it times two methods unless told otherwise. */
    static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            return argument instanceof OptionSpec option && option.longestName().equals("--method")
                    ? "GradCAM,EigenCAM" : null;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (methods.listIfAsked(spec.commandLine().getOut())) {
            return Main.OK;
        }
        if ((weights.given() == null) == (random == null)) {
            throw new UsageException("give exactly one of --weights FILE or --random ARCH (e.g. --random yolov5s)");
        }
        for (String architecture : random == null ? List.<String>of() : random) {
            if (!RandomModels.VARIANTS.contains(architecture)) {
                throw new UsageException("--random " + architecture + ": unknown architecture; known: "
                        + String.join(", ", RandomModels.VARIANTS));
            }
        }
        if (runs < 1 || warmup < 0 || soak < 0) {
            throw new UsageException("--runs must be >= 1, --warmup and --soak >= 0");
        }
        int imagesPerPass = pass.imagesPerPass();
        List<InputSize> inputSizes = sizes.stream().map(ModelOptions::imgsz).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && (threads < 1 || threads > cores)) {
            throw new UsageException("--threads must be between 1 and " + cores + " (the cores of this machine), got "
                    + threads);
        }
        if (json != null) {
            OutputFile.require("--json", json);
        }
        List<Benchmark.Config> configs = (random == null ? Collections.<String>singletonList(null) : random)
                .stream().map(architecture -> new Benchmark.Config(weights.given(), architecture, inputSizes,
                        methods.several(), layers.requested(), imagesPerPass, warmup, runs, soak, seed)).toList();
        OutputDirectory jsonFolder = json == null ? null : OutputDirectory.ofFile(json);
        try {
            return benchmark(configs);
        } finally {
            if (jsonFolder != null) {
                jsonFolder.removeIfEmpty();
            }
        }
    }

    private int benchmark(List<Benchmark.Config> configs) throws Exception {
        if (threads != null) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Timings> results = new ArrayList<>();
        for (Benchmark.Config config : configs) {
            String model = config.randomVariant() == null ? "" : config.randomVariant() + " ";
            List<Timings> timings = new Benchmark(config, stage -> {
                if (!run.quiet()) {
                    err.println("bench: " + model + stage);
                    err.flush();
                }
            }).run();
            timings.forEach(t -> results.add(configs.size() > 1 ? t.prefixed(model) : t));
        }
        print(results, spec.commandLine().getOut());
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", weights.given() != null ? weights.given().toString()
                    : String.join(", ", random) + " (random weights)");
            doc.put("threads", Nd4j.getEnvironment().maxThreads());
            doc.put("java", System.getProperty("java.version"));
            doc.put("backend", Device.backendName());
            doc.put("stages", results.stream().map(Timings::toJson).toList());
            JsonFile.write(json, doc);
        }
        return Main.OK;
    }

    static void print(List<Timings> results, PrintWriter out) {
        out.printf(Locale.ROOT, "%-42s %6s %10s %10s %10s  %s%n", "stage", "runs", "median ms", "min ms", "max ms",
                "details");
        for (Timings t : results) {
            Map<String, Object> j = t.toJson();
            Map<String, Object> details = new LinkedHashMap<>(j);
            List.of("stage", "runs", "median_ms", "min_ms", "max_ms", "note").forEach(details::remove);
            int runs = (int) j.get("runs");
            String times = runs == 0 ? String.format(Locale.ROOT, "%10s %10s %10s", "-", "-", "-")
                    : String.format(Locale.ROOT, "%10.1f %10.1f %10.1f", t.median(), t.min(), t.max());
            out.printf(Locale.ROOT, "%-42s %6d %s  %s%n", t.stage(), runs, times,
                    details.isEmpty() ? "" : details.toString());
        }
        results.stream().filter(t -> t.stage().endsWith("peak_rss"))
                .forEach(t -> out.printf(Locale.ROOT, "%s %s MiB%n", t.stage().replace("peak_rss", "peak RSS"),
                        t.toJson().get("peak_rss_mib")));
        out.flush();
    }
}
