package dev.yolocam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.yolocam.bench.Benchmark;
import dev.yolocam.bench.Timings;
import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamMethods;
import dev.yolocam.errors.UsageException;
import dev.yolocam.io.AtomicFiles;
import dev.yolocam.io.OutputDirectory;
import dev.yolocam.model.RandomModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yolocam bench}: times every stage of the hot path in one process and reports median/min/max and RSS. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark model loading, forward, forward+backward and CAM methods in one process.",
            "Compare numbers as ratios within one run: this machine is shared and timings drift."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RunOptions run;

    @Option(names = {"-w", "--weights"}, paramLabel = "FILE", description = "Model to measure (.pt or .yolocam).")
    Path weights;

    @Option(names = "--random", paramLabel = "ARCH",
            description = "Measure a model of this architecture with random weights instead (e.g. yolov5s).")
    String random;

    @Option(names = "--imgsz", split = ",", paramLabel = "N", defaultValue = "320,640",
            description = "Square input sizes to measure. Default: ${DEFAULT-VALUE}.")
    List<Integer> sizes;

    @Option(names = {"-m", "--method"}, split = ",", paramLabel = "NAME", defaultValue = "GradCAM,EigenCAM",
            description = "CAM methods to time end to end ('all' for every one). Default: ${DEFAULT-VALUE}.")
    List<String> methods;

    @Option(names = {"-l", "--layer"}, paramLabel = "PATH|INDEX",
            description = "Layer for forward+backward and the methods; repeatable. Default: the Detect inputs, "
                    + "as 'yolocam explain' uses them.")
    List<String> layers;

    @Option(names = "--images-per-pass", paramLabel = "N", defaultValue = "4",
            description = "Also time passes of N images (stages *_batchN, per image); 1 to skip. "
                    + "Default: ${DEFAULT-VALUE}.")
    int imagesPerPass;

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

    @Override
    public Integer call() throws Exception {
        if ((weights == null) == (random == null)) {
            throw new UsageException("give exactly one of --weights FILE or --random ARCH (e.g. --random yolov5s)");
        }
        if (random != null && !RandomModels.VARIANTS.contains(random)) {
            throw new UsageException("--random " + random + ": unknown architecture; known: "
                    + String.join(", ", RandomModels.VARIANTS));
        }
        if (runs < 1 || warmup < 0 || soak < 0 || imagesPerPass < 1 || imagesPerPass > PassOptions.MAX) {
            throw new UsageException("--runs must be >= 1, --warmup and --soak >= 0, --images-per-pass 1.."
                    + PassOptions.MAX);
        }
        for (int size : sizes) {
            if (size < 32 || size > 8192) {
                throw new UsageException("--imgsz must be between 32 and 8192, got " + size);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads != null && (threads < 1 || threads > cores)) {
            throw new UsageException("--threads must be between 1 and " + cores + " (the cores of this machine), got "
                    + threads);
        }
        if (json != null) {
            OutputFile.require("--json", json);
        }
        List<CamMethod> camMethods = new ArrayList<>();
        for (String m : methods) {
            if (m.equalsIgnoreCase("all")) {
                camMethods.addAll(CamMethods.all());
            } else {
                camMethods.add(CamMethods.find(m).orElseThrow(() -> new UsageException("--method: unknown '" + m
                        + "'")));
            }
        }
        OutputDirectory jsonFolder = json == null ? null : OutputDirectory.ofFile(json);
        try {
            return benchmark(camMethods);
        } finally {
            if (jsonFolder != null) {
                jsonFolder.removeIfEmpty();
            }
        }
    }

    private int benchmark(List<CamMethod> camMethods) throws Exception {
        if (threads != null) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
        PrintWriter err = spec.commandLine().getErr();
        Benchmark.Config config = new Benchmark.Config(weights, random, sizes, camMethods,
                layers == null ? List.of() : layers, imagesPerPass, warmup, runs, soak, seed);
        List<Timings> results = new Benchmark(config, stage -> {
            if (!run.quiet()) {
                err.println("bench: " + stage);
                err.flush();
            }
        }).run();
        print(results, spec.commandLine().getOut());
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", weights != null ? weights.toString() : random + " (random weights)");
            doc.put("threads", Nd4j.getEnvironment().maxThreads());
            doc.put("java", System.getProperty("java.version"));
            doc.put("backend", Device.backendName());
            doc.put("stages", results.stream().map(Timings::toJson).toList());
            AtomicFiles.write(json, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out, doc));
        }
        return Main.OK;
    }

    static void print(List<Timings> results, PrintWriter out) {
        out.printf(Locale.ROOT, "%-34s %6s %10s %10s %10s  %s%n", "stage", "runs", "median ms", "min ms", "max ms",
                "details");
        for (Timings t : results) {
            Map<String, Object> j = t.toJson();
            Map<String, Object> details = new LinkedHashMap<>(j);
            List.of("stage", "runs", "median_ms", "min_ms", "max_ms", "note").forEach(details::remove);
            int runs = (int) j.get("runs");
            String times = runs == 0 ? String.format(Locale.ROOT, "%10s %10s %10s", "-", "-", "-")
                    : String.format(Locale.ROOT, "%10.1f %10.1f %10.1f", t.median(), t.min(), t.max());
            out.printf(Locale.ROOT, "%-34s %6d %s  %s%n", t.stage(), runs, times,
                    details.isEmpty() ? "" : details.toString());
        }
        results.stream().filter(t -> t.stage().equals("peak_rss")).findFirst()
                .ifPresent(t -> out.printf(Locale.ROOT, "peak RSS %s MiB%n", t.toJson().get("peak_rss_mib")));
        out.flush();
    }
}
