package dev.yolocam.cli;

import dev.yolocam.audit.AuditArtifacts;
import dev.yolocam.audit.AuditEngine;
import dev.yolocam.audit.AuditJob;
import dev.yolocam.audit.AuditRow;
import dev.yolocam.audit.AuditSettings;
import dev.yolocam.audit.ImageAuditor;
import dev.yolocam.audit.LocalAuditEngine;
import dev.yolocam.audit.Outcome;
import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.LayerResolver;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.errors.UsageException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.io.OsReason;
import dev.yolocam.model.YoloModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yolocam audit}: every image of a labelled dataset explained per detection and held against its labels, into
 * rows, maps and a report; resumable; on this machine or on Spark.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = AuditCommand.WithoutExplainOnlyOptions.class,
        description = {"Audit a labelled dataset: per detection a map (ODAM by default), true and false positives, "
                + "misses, how much of each map lies on its own box; rows (rows.jsonl, or Parquet on Spark), maps, "
                + "summary.json and report.html.",
            "Killed and started again with the same command, the local engine continues where it stopped."})
public final class AuditCommand implements Callable<Integer> {
    /** The method when --method is not given: made for explaining one detection at a time. */
    static final String DEFAULT_METHOD = "ODAM";

    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions model;
    @Mixin
    LayerOptions layers;
    @Mixin
    CamOptionsMixin cam;
    @Mixin
    NmsOptionsMixin nms;
    @Mixin
    RunOptions run;

    @Option(names = {"-d", "--data"}, required = true, paramLabel = "DATA",
            description = "A YOLOv5 data.yaml (its val: images, relative to its path:) or a folder of images with "
                    + "YOLO labels (images/ + labels/, or labels beside the images).")
    String data;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (for --engine spark any Hadoop URI). Default: runs/audit/<data>-<weights>. "
                    + "The local engine continues an interrupted audit there when run again with the same settings; "
                    + "the Spark engine starts it over.")
    String out;

    @Option(names = "--exist-ok", description = "Start over in --out when it holds an audit with other settings.")
    boolean existOk;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (this process, resumable) or spark (Apache Spark; needs the yolocam-spark module "
                    + "on the classpath, which ./yolocam adds). Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark, e.g. local[2]. Default: Spark's (spark-submit's "
                    + "--master), or local[*].")
    String master;

    @Option(names = "--no-npy", description = "Write only the thumbnails of the maps, not the maps as .npy.")
    boolean noNpy;

    @Override
    public Integer call() {
        if (cam.method.listIfAsked(spec.commandLine().getOut())) {
            return Main.OK;
        }
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        List<String> arguments = ownArguments(spec.commandLine().getParseResult().originalArgs());
        AuditEngine chosen = engine(engine);
        String outFolder = out != null ? out : defaultOut();
        AuditSettings settings = settings();
        try (AuditProgressLine progress = new AuditProgressLine(err, run.quiet())) {
            List<AuditRow> rows = chosen.run(new AuditJob(arguments, AuditCommand::openAuditor,
                    settings, data, outFolder, master, existOk, progress));
            progress.finish();
            if (!run.quiet()) {
                err.println(summary(rows, outFolder));
                err.flush();
            }
        }
        return Main.OK;
    }

    /** The arguments after the command's name ({@code originalArgs} holds the whole command line). */
    private static List<String> ownArguments(List<String> commandLine) {
        int name = commandLine.indexOf("audit");
        return List.copyOf(commandLine.subList(name + 1, commandLine.size()));
    }

    /**
     * Opens the auditor of a {@code yolocam audit} command line (without the leading "audit"): the model, its
     * graph and the method, once. The Spark engine calls this on every executor with the driver's arguments.
     */
    public static ImageAuditor openAuditor(List<String> arguments) {
        AuditCommand command = new AuditCommand();
        CommandLine line = new CommandLine(command);
        line.parseArgs(arguments.toArray(String[]::new));
        command.spec = line.getCommandSpec();
        command.checkOptions();
        return command.auditor(new PrintWriter(System.err, true));
    }

    private ImageAuditor auditor(PrintWriter err) {
        YoloModel loaded = model.load();
        NmsOptions options = nms.toOptions(loaded.classNames(),
                loaded.description().detect().postprocessing().defaultIou());
        Detector detector = new Detector(loaded, model.inputSize(loaded, run, err), options);
        List<String> chosen = LayerResolver.choose(loaded, detector.inputSize(), layers.requested());
        int[] classes = options.classes() == null ? new int[0] : options.classes();
        CamRequest request = cam.request(chosen, classes).toBuilder().perDetection(true).misses(true).build();
        return new ImageAuditor(new CamEngine(detector, request), loaded.description()::className,
                new AuditArtifacts(!noNpy, loaded.description()::className));
    }

    private boolean isGiven(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * The shared CAM options without those an audit fixes: it always makes one map per detection and measures
     * own-box mass, other-box mass and the pointing game.
     */
    static final class WithoutExplainOnlyOptions implements CommandLine.IModelTransformer {
        private static final List<String> FIXED = List.of("--per-detection", "--metrics", "--no-metrics");

        @Override
        public CommandSpec transform(CommandSpec command) {
            for (String name : FIXED) {
                CommandLine.Model.OptionSpec option = command.findOption(name);
                if (option != null) {
                    command.remove(option);
                }
            }
            return command;
        }
    }

    private void checkOptions() {
        if (!isGiven("--method")) {
            cam.method.specs = List.of(DEFAULT_METHOD);
        }
        cam.method();
        layers.requested();
        if (master != null && !"spark".equals(engine)) {
            throw new UsageException("--master is for --engine spark");
        }
    }

    /** The engine named: local, or one found on the classpath (spark). */
    static AuditEngine engine(String name) {
        if ("local".equals(name)) {
            return new LocalAuditEngine();
        }
        for (AuditEngine found : ServiceLoader.load(AuditEngine.class)) {
            if (found.name().equals(name)) {
                return found;
            }
        }
        if ("spark".equals(name)) {
            throw new UsageException("--engine spark: the Spark engine is not on the classpath; run through "
                    + "./yolocam (which adds the yolocam-spark module and Spark) or spark-submit the yolocam-spark jar");
        }
        throw new UsageException("--engine: unknown engine '" + name + "'; known: local, spark");
    }

    /**
     * What the rows depend on: the model file's digest and every option that changes a row, as given (the digest
     * fixes what the defaults resolve to).
     */
    AuditSettings settings() {
        Path weights = model.weights.orDefault();
        Map<String, String> s = new LinkedHashMap<>();
        s.put("weights", weights.getFileName().toString());
        s.put("weights_sha256", sha256(weights));
        s.put("cfg", model.cfg == null ? "" : sha256(model.cfg));
        s.put("data", data.contains("://") ? data : Path.of(data).toAbsolutePath().normalize().toString());
        s.put("imgsz", model.imgsz == null ? "default" : join(model.imgsz));
        s.put("method", String.join(",", cam.method.specs));
        s.put("layers", layers.layers == null ? "default" : String.join(",", layers.layers));
        s.put("targets", cam.targets == null ? "default" : cam.targets.toString());
        s.put("aggregate", cam.aggregate.toString());
        s.put("eigen_smooth", Boolean.toString(cam.eigenSmooth));
        s.put("aug_smooth", Boolean.toString(cam.augSmooth));
        s.put("keep_top", Double.toString(cam.keepTop));
        s.put("renormalize", Boolean.toString(cam.renormalize));
        s.put("batch_size", Integer.toString(cam.batchSize));
        s.put("seed", Long.toString(cam.seed));
        s.put("masks", Integer.toString(cam.masks));
        s.put("conf", Double.toString(nms.conf));
        s.put("iou", nms.iou == null ? "default" : Double.toString(nms.iou));
        s.put("max_det", Integer.toString(nms.maxDet));
        s.put("classes", nms.classes == null ? "all" : String.join(",", nms.classes));
        s.put("npy", Boolean.toString(!noNpy));
        return new AuditSettings(s);
    }

    private String defaultOut() {
        String dataName = Path.of(data.replaceAll("/+$", "")).getFileName().toString().replaceAll("\\.ya?ml$", "");
        String weightsName = model.weights.orDefault().getFileName().toString().replaceAll("\\.[^.]*$", "");
        return Path.of("runs", "audit", dataName + "-" + weightsName).toString();
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new YolocamException(file, "cannot read: " + OsReason.of(e, file), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String join(int[] values) {
        List<String> out = new ArrayList<>();
        for (int v : values) {
            out.add(Integer.toString(v));
        }
        return String.join(",", out);
    }

    private static String summary(List<AuditRow> rows, String folder) {
        long tp = count(rows, Outcome.TP);
        long fp = count(rows, Outcome.FP);
        long misses = count(rows, Outcome.MISS);
        long errors = count(rows, Outcome.ERROR);
        return String.format(Locale.ROOT, "yolocam: audit: %d detections at --conf (%d true, %d false positives), %d "
                + "misses%s; report: %s", tp + fp, tp, fp, misses, errors == 0 ? "" : ", " + errors + " images failed",
                folder.replaceAll("/+$", "") + "/report.html");
    }

    private static long count(List<AuditRow> rows, Outcome outcome) {
        return rows.stream().filter(r -> r.kept() && r.outcome() == outcome).count();
    }
}
