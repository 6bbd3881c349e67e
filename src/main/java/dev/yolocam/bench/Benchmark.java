package dev.yolocam.bench;

import dev.yolocam.cam.CamEngine;
import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.CamRequest;
import dev.yolocam.cam.LayerResolver;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.detect.InputSize;
import dev.yolocam.detect.Letterbox;
import dev.yolocam.detect.LetterboxResult;
import dev.yolocam.detect.NmsOptions;
import dev.yolocam.detect.RgbImage;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.ModelDescription;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.io.AtomicFiles;
import dev.yolocam.model.ConvertedModel;
import dev.yolocam.model.MemoryPolicy;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.RandomModels;
import dev.yolocam.model.YoloModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every stage of yolocam's hot path timed in one process: model load (.pt and converted), graph and
 * gradient-function builds, forward, forward+backward, each CAM method end to end, and RSS over many passes.
 */
public final class Benchmark {
    /**
     * @param weights       a .pt or .yolocam file, or null with {@code randomVariant}
     * @param randomVariant e.g. "yolov5s": a model of that architecture with random weights (no download)
     * @param layers        layers for forward+backward and the methods: paths or indices; empty = the Detect inputs
     * @param imagesPerPass   also time passes of this many images (stages {@code *_batchN}, per image); 1 to skip
     * @param soakPasses    explain passes for the RSS-flatness measurement (0 to skip)
     * @param seed          for the methods that draw random numbers (RandomCAM)
     */
    public record Config(Path weights, String randomVariant, List<InputSize> sizes, List<CamMethod> methods,
                         List<String> layers, int imagesPerPass, int warmup, int runs, int soakPasses, long seed) {
    }

    private final Config config;
    private final Consumer<String> progress;
    private long peakSoFar = ProcessMemory.peakResidentMiB();

    public Benchmark(Config config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    public List<Timings> run() throws Exception {
        List<Timings> out = new ArrayList<>();
        YoloModel model = loadModel(out);
        List<String> layers = layers(model);
        Path converted = Files.createTempFile("yolocam-bench", ".yolocam");
        try {
            progress.accept("converted model");
            record(out, Timings.measure("convert_write", 0, 1, () -> AtomicFiles.write(converted,
                    s -> ConvertedModel.write(model.description(), s))).detail("bytes", Files.size(converted)));
            record(out, Timings.measure("load_converted", 1, config.runs(),
                    () -> ModelLoader.load(converted, Optional.empty())));
        } finally {
            Files.deleteIfExists(converted);
        }
        for (InputSize size : config.sizes()) {
            measureSize(model, size, layers, out);
        }
        out.add(new Timings("peak_rss").detail("peak_rss_mib", peakSoFar));
        return out;
    }

    /** Adds a stage with the peak RSS since the previous stage, then starts a new peak. */
    private void record(List<Timings> out, Timings stage) {
        long peak = ProcessMemory.peakResidentMiB();
        peakSoFar = Math.max(peakSoFar, peak);
        out.add(stage.detail("peak_rss_mib", peak));
        ProcessMemory.resetPeak();
    }

    private YoloModel loadModel(List<Timings> out) throws Exception {
        if (config.randomVariant() != null) {
            progress.accept("random " + config.randomVariant());
            YoloModel[] holder = new YoloModel[1];
            record(out, Timings.measure("generate_random_model", 0, 1, () -> holder[0] = new YoloModel(
                    ModelDescription.of(RandomModels.build(config.randomVariant(), 80, 0L),
                            Path.of(config.randomVariant() + "-random")))));
            return holder[0];
        }
        progress.accept("loading " + config.weights());
        String stage = config.weights().toString().endsWith(".yolocam") ? "load_converted_given" : "load_pt";
        record(out, Timings.measure(stage, 1, config.runs(),
                () -> ModelLoader.load(config.weights(), Optional.empty())));
        return ModelLoader.load(config.weights(), Optional.empty());
    }

    /** The layers to measure, checked before anything is timed (on the smallest graph there is). */
    private List<String> layers(YoloModel model) {
        return LayerResolver.choose(model, InputSize.square(model.stride()), config.layers());
    }

    private void measureSize(YoloModel model, InputSize size, List<String> layers, List<Timings> out)
            throws Exception {
        String at = "@" + size.text().replace(' ', 'x');
        Detector detector = new Detector(model, size,
                NmsOptions.defaults().withConfThreshold(0.001).withMaxDet(20));
        Detector.Prepared prepared = syntheticImage(model, size);
        LetterboxResult lb = prepared.letterbox();
        progress.accept("graphs" + at);
        record(out, Timings.measure("graph_build" + at, 0, 1, () -> new YoloModel(model.description())
                .graph(GraphSpec.forward(lb.height(), lb.width()))));
        YoloGraph tapped = model.graph(new GraphSpec(1, lb.height(), lb.width(), Set.copyOf(layers)));
        record(out, Timings.measure("gradient_function_build" + at, 0, 1, tapped::prepareGradients)
                .detail("layer", String.join(",", layers)));
        measurePasses(detector, prepared, layers, 1, at, out);
        if (config.imagesPerPass() > 1) {
            measurePasses(detector, prepared, layers, config.imagesPerPass(), at, out);
        }
        if (config.soakPasses() > 0) {
            progress.accept("RSS over " + config.soakPasses() + " passes" + at);
            record(out, soak(detector, prepared, layers, at));
        }
    }

    /**
     * Forward, forward+backward and each method end to end with {@code n} copies of the picture per pass, reported
     * per image (stages {@code *_batchN} for n > 1).
     */
    private void measurePasses(Detector detector, Detector.Prepared prepared, List<String> layers, int n, String at,
                               List<Timings> out) throws Exception {
        String stage = (n == 1 ? "" : "_batch" + n) + at;
        String layerDetail = String.join(",", layers);
        ImageBatch batch = new ImageBatch(java.util.Collections.nCopies(n, prepared));
        INDArray input = batch.tensor();
        YoloModel model = detector.model();
        progress.accept("forward" + stage);
        YoloGraph forward = model.graph(GraphSpec.forward(batch.height(), batch.width()).withBatch(n));
        record(out, perImage(Timings.measure("forward" + stage, config.warmup(), config.runs(),
                () -> forward.predict(input), System::gc), n));
        progress.accept("forward_backward" + stage);
        YoloGraph tapped = model.graph(new GraphSpec(n, batch.height(), batch.width(), Set.copyOf(layers)));
        record(out, perImage(Timings.measure("forward_backward" + stage, config.warmup(), config.runs(),
                () -> tapped.forwardBackward(input, layers, layers, raw -> Nd4j.onesLike(raw)), System::gc), n)
                .detail("layer", layerDetail));
        for (CamMethod method : config.methods()) {
            progress.accept(method.name() + stage);
            // One map of all detections for every method (ODAM would otherwise make one per detection): the times
            // compare the methods, not how many detections a model finds.
            CamEngine engine = new CamEngine(detector, CamRequest.builder(method, layers).perDetection(false)
                    .options(options()).build());
            int warmup = method.usesGradients() ? config.warmup() : 1;
            record(out, perImage(Timings.measure("method:" + method.name() + stage, warmup, config.runs(),
                    () -> engine.explain(batch)), n).detail("layer", layerDetail)
                    .detail("note", "end to end per image: forward(+backward), NMS, maps, scaling, memory policy"));
        }
    }

    private CamOptions options() {
        return new CamOptions(CamOptions.defaults().batchSize(), config.seed());
    }

    private static Timings perImage(Timings pass, int imagesPerPass) {
        return imagesPerPass == 1 ? pass : pass.perItem(imagesPerPass);
    }

    /** RSS before, during and after many GradCAM passes under the standard memory policy. */
    private Timings soak(Detector detector, Detector.Prepared prepared, List<String> layers, String at) {
        CamMethod gradCam = dev.yolocam.cam.CamMethods.find("GradCAM").orElseThrow();
        CamEngine engine = new CamEngine(detector, CamRequest.of(gradCam, layers), MemoryPolicy.standard());
        Timings t = new Timings("rss_soak" + at);
        engine.explain(prepared);
        long start = ProcessMemory.residentMiB();
        long max = start;
        long atTenPercent = start;
        for (int i = 0; i < config.soakPasses(); i++) {
            long begin = System.nanoTime();
            engine.explain(prepared);
            t.add((System.nanoTime() - begin) / 1e6);
            long rss = ProcessMemory.residentMiB();
            max = Math.max(max, rss);
            if (i == config.soakPasses() / 10) {
                atTenPercent = rss;
            }
        }
        return t.detail("passes", config.soakPasses()).detail("rss_start_mib", start)
                .detail("rss_after_10pct_mib", atTenPercent).detail("rss_end_mib", ProcessMemory.residentMiB())
                .detail("rss_max_mib", max).detail("layer", String.join(",", layers));
    }

    /** A deterministic textured test picture of the requested size, letterboxed like a real image. */
    static Detector.Prepared syntheticImage(YoloModel model, InputSize size) {
        int w = size.width();
        int h = size.height() * 3 / 4;
        byte[] pixels = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                pixels[i] = (byte) (x * 255 / w);
                pixels[i + 1] = (byte) (y * 255 / h);
                pixels[i + 2] = (byte) (((x / 16 + y / 16) % 2) * 200);
            }
        }
        RgbImage image = new RgbImage(w, h, pixels);
        LetterboxResult lb = Letterbox.apply(image, size.height(), size.width(), model.stride());
        return new Detector.Prepared(Path.of("synthetic-" + w + "x" + h), image, lb);
    }
}
