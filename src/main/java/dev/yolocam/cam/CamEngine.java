package dev.yolocam.cam;

import dev.yolocam.graph.FloatArrays;
import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.detect.LetterboxResult;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.model.MemoryPolicy;
import dev.yolocam.model.YoloModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The whole CAM pipeline in one place, as pytorch-grad-cam's base_cam.py: one forward pass whose detections
 * (NMS of that very pass) define the target; for gradient methods the backward of the same pass gives the
 * gradient at every target layer; the method turns activation (and gradient) into a map per layer; ReLU,
 * min-max scaling, resizing to the input and aggregation over layers follow.
 */
public final class CamEngine {
    private final Detector detector;
    private final CamRequest request;
    private final MemoryPolicy memory;

    public CamEngine(Detector detector, CamRequest request) {
        this(detector, request, MemoryPolicy.standard());
    }

    public CamEngine(Detector detector, CamRequest request, MemoryPolicy memory) {
        this.detector = detector;
        this.request = request;
        this.memory = memory;
    }

    public CamRequest request() {
        return request;
    }

    public ExplainResult explain(Path image) {
        return explain(detector.prepare(image));
    }

    /** Explains an image that is already decoded and letterboxed. */
    public ExplainResult explain(Detector.Prepared prepared) {
        return explain(ImageBatch.of(prepared)).get(0);
    }

    /**
     * Explains every image of the batch from ONE forward (+ one backward) pass over all of them. Each image's
     * target comes from NMS of its own rows and seeds only its own rows, so its maps are those of a pass of its
     * own. Per-detection maps after the first, and aug-smooth variants, need further passes: those run one image
     * at a time, so such requests gain little from a batch.
     */
    public List<ExplainResult> explain(ImageBatch batch) {
        try {
            return request.method().usesGradients() ? explainWithGradients(batch) : explainForwardOnly(batch);
        } finally {
            memory.afterPass();
        }
    }

    private List<ExplainResult> explainWithGradients(ImageBatch batch) {
        List<String> layers = tappedLayers(batch.height(), batch.width());
        GraphSpec spec = new GraphSpec(batch.size(), batch.height(), batch.width(), new LinkedHashSet<>(layers));
        FirstPass[] first = new FirstPass[batch.size()];
        OutAndGrad pass = detector.model().graph(spec).forwardBackward(batch.tensor(), layers, layers,
                seedFromDetections(batch, first, request.perDetection()));
        List<ExplainResult> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            results.add(explainFromPass(spec.withBatch(1), batch.get(i), first[i], item(pass, i, batch.size()),
                    layers));
        }
        return results;
    }

    /**
     * The output-gradient function of a first pass: NMS on each image's rows of the Detect output (recorded in
     * {@code first}), and d(target)/d(output) of each image's selection, or of its first detection.
     */
    private UnaryOperator<INDArray> seedFromDetections(ImageBatch batch, FirstPass[] first, boolean firstDetection) {
        return raw -> {
            DetectOutput output = DetectOutput.of(raw);
            float[] seed = new float[output.values().length];
            for (int i = 0; i < batch.size(); i++) {
                float[] rows = output.item(i);
                DetectionResult detections = output.decide(detector, batch.get(i), rows);
                first[i] = new FirstPass(detections, targetFor(detections));
                Target target = first[i].target();
                if (firstDetection && !target.detections().isEmpty()) {
                    target = target.only(target.detections().get(0));
                }
                System.arraycopy(target.gradient(rows, output.rows(), output.columns()), 0, seed,
                        i * output.perItem(), output.perItem());
            }
            return FloatArrays.of(seed, raw.shape());
        };
    }

    /** One image's maps from its share of the first pass (and, for per-detection or aug-smooth, passes of its own). */
    private ExplainResult explainFromPass(GraphSpec singleSpec, Detector.Prepared prepared, FirstPass first,
                                          OutAndGrad pass, List<String> layers) {
        Target target = first.target();
        if (target.isEmpty()) {
            return new ExplainResult(first.detections(), List.of(), true);
        }
        LetterboxResult lb = prepared.letterbox();
        PredictionGrid grid = PredictionGrid.of(detector.model().description().detect(), lb.height(), lb.width());
        List<CamMap> maps = new ArrayList<>();
        if (!request.perDetection()) {
            float[] map = request.augSmooth()
                    ? augmented(detector.model().graph(singleSpec), prepared, target, grid, pass, layers)
                    : mapFromPass(pass, prepared, target, layers);
            maps.add(finish(map, first.detections(), target, -1, layers));
            return new ExplainResult(first.detections(), maps, false);
        }
        List<Detection> selected = target.detections();
        for (int i = 0; i < selected.size(); i++) {
            Target one = target.only(selected.get(i));
            YoloGraph single = i == 0 && !request.augSmooth() ? null : detector.model().graph(singleSpec);
            OutAndGrad p = i == 0 ? pass : backward(single, prepared.tensor(), one, layers);
            float[] map = request.augSmooth() ? augmented(single, prepared, one, grid, p, layers)
                    : mapFromPass(p, prepared, one, layers);
            maps.add(finish(map, first.detections(), one, indexOf(first.detections(), selected.get(i)), layers));
        }
        return new ExplainResult(first.detections(), maps, false);
    }

    private List<ExplainResult> explainForwardOnly(ImageBatch batch) {
        GraphSpec spec = GraphSpec.forward(batch.height(), batch.width()).withBatch(batch.size());
        YoloGraph graph = detector.model().graph(spec);
        List<String> wanted = new ArrayList<>(request.layers());
        wanted.add(graph.outputName());
        Map<String, INDArray> all = graph.outputs(batch.tensor(), wanted);
        DetectOutput output = DetectOutput.of(all.get(graph.outputName()));
        List<ExplainResult> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            DetectionResult detections = output.decide(detector, batch.get(i), output.item(i));
            results.add(explainFromOutputs(spec.withBatch(1), batch.get(i), detections, item(all, i, batch.size()),
                    wanted));
        }
        return results;
    }

    private ExplainResult explainFromOutputs(GraphSpec singleSpec, Detector.Prepared prepared,
                                             DetectionResult detections, Map<String, INDArray> out,
                                             List<String> wanted) {
        Target target = targetFor(detections);
        if (target.isEmpty()) {
            return new ExplainResult(detections, List.of(), true);
        }
        List<Target> targets = request.perDetection()
                ? target.detections().stream().map(target::only).toList() : List.of(target);
        LetterboxResult lb = prepared.letterbox();
        PredictionGrid grid = PredictionGrid.of(detector.model().description().detect(), lb.height(), lb.width());
        List<CamMap> maps = new ArrayList<>();
        for (Target t : targets) {
            float[] map = forwardMap(out, prepared, t);
            if (request.augSmooth()) {
                YoloGraph single = detector.model().graph(singleSpec);
                map = augmented(prepared, t, grid, map, (variant, vt) -> forwardMap(single.outputs(variant.tensor(),
                        wanted), variant, vt));
            }
            int index = request.perDetection() ? indexOf(detections, t.detections().get(0)) : -1;
            maps.add(finish(map, detections, t, index));
        }
        return new ExplainResult(detections, maps, false);
    }

    /** Image {@code index}'s share of a batched pass (the arrays themselves for a batch of one). */
    private static OutAndGrad item(OutAndGrad pass, int index, int batchSize) {
        return batchSize == 1 ? pass : new OutAndGrad(item(pass.getOutputs(), index, batchSize),
                item(pass.getGradients(), index, batchSize));
    }

    private static Map<String, INDArray> item(Map<String, INDArray> arrays, int index, int batchSize) {
        if (batchSize == 1) {
            return arrays;
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        arrays.forEach((name, array) -> out.put(name, ImageBatch.item(array, index)));
        return out;
    }

    /** The aggregated map of a gradient-free method from one forward pass's outputs. */
    private float[] forwardMap(Map<String, INDArray> out, Detector.Prepared prepared, Target target) {
        LetterboxResult lb = prepared.letterbox();
        GraphModelAccess access = new GraphModelAccess(detector.model(), prepared, target,
                out.get(detector.model().description().detect().path()));
        List<float[]> perLayer = new ArrayList<>();
        for (String layer : request.layers()) {
            perLayer.add(layerMap(tensors(layer, out.get(layer), null), access, lb));
        }
        return CamMath.aggregate(perLayer, request.aggregation());
    }

    /**
     * The layers a gradient pass taps and reads: the requested ones, or those a {@link WholeModelCam} chooses from
     * the model's layer table.
     */
    private List<String> tappedLayers(int height, int width) {
        if (request.method() instanceof WholeModelCam whole) {
            return whole.layers(detector.model().graph(GraphSpec.forward(height, width)).layers());
        }
        return request.layers();
    }

    /** A later backward for a known target (per-detection mode): same input, so the same forward values. */
    private OutAndGrad backward(YoloGraph graph, INDArray input, Target target, List<String> layers) {
        return graph.forwardBackward(input, layers, layers, raw -> seedGradient(target, raw));
    }

    private float[] augmented(YoloGraph graph, Detector.Prepared prepared, Target target, PredictionGrid grid,
                              OutAndGrad identityPass, List<String> layers) {
        return augmented(prepared, target, grid, mapFromPass(identityPass, prepared, target, layers),
                (variant, t) -> mapFromPass(backward(graph, variant.tensor(), t, layers), variant, t, layers));
    }

    /** How one augmented variant of the image becomes a map (for its own, possibly mirrored, target). */
    @FunctionalInterface
    private interface VariantMap {
        float[] of(Detector.Prepared variant, Target target);
    }

    /**
     * aug_smooth: the identity map plus the map of each other variant (its target rows mirrored with the image),
     * each brought back to the original orientation, averaged.
     */
    private static float[] augmented(Detector.Prepared prepared, Target target, PredictionGrid grid,
                                     float[] identityMap, VariantMap mapOf) {
        LetterboxResult lb = prepared.letterbox();
        List<float[]> maps = new ArrayList<>();
        for (Augmentation aug : Augmentation.smoothing()) {
            if (aug.equals(Augmentation.IDENTITY)) {
                maps.add(identityMap);
                continue;
            }
            LetterboxResult transformed = new LetterboxResult(aug.apply(lb.input(), lb.height(), lb.width()),
                    lb.image(), lb.height(), lb.width(), lb.ratio(), lb.unpadWidth(), lb.unpadHeight(),
                    lb.padLeft(), lb.padTop(), lb.padRight(), lb.padBottom());
            Detector.Prepared variant = new Detector.Prepared(prepared.path(), prepared.original(), transformed);
            Target t = aug.flip() ? target.mirror(grid) : target;
            maps.add(aug.undo(mapOf.of(variant, t), lb.height(), lb.width()));
        }
        float[] mean = new float[identityMap.length];
        for (float[] m : maps) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += m[i] / maps.size();
            }
        }
        return mean;
    }

    /** The map of one gradient pass over {@code layers}: aggregated per-layer maps, or a whole-model combination. */
    private float[] mapFromPass(OutAndGrad pass, Detector.Prepared prepared, Target target, List<String> layers) {
        if (request.method() instanceof WholeModelCam whole) {
            List<LayerTensors> tensors = layers.stream()
                    .map(l -> tensors(l, pass.getOutputs().get(l), pass.getGradients().get(l))).toList();
            return whole.combine(tensors, request.eigenSmooth(), access(pass, prepared, target));
        }
        return CamMath.aggregate(perLayerFromPass(pass, prepared, target), request.aggregation());
    }

    private GraphModelAccess access(OutAndGrad pass, Detector.Prepared prepared, Target target) {
        return new GraphModelAccess(detector.model(), prepared, target,
                pass.getOutputs().get(detector.model().description().detect().path()));
    }

    private List<float[]> perLayerFromPass(OutAndGrad pass, Detector.Prepared prepared, Target target) {
        LetterboxResult lb = prepared.letterbox();
        GraphModelAccess access = access(pass, prepared, target);
        List<float[]> perLayer = new ArrayList<>();
        for (String layer : request.layers()) {
            perLayer.add(layerMap(tensors(layer, pass.getOutputs().get(layer), pass.getGradients().get(layer)),
                    access, lb));
        }
        return perLayer;
    }

    /**
     * One map per requested layer instead of their aggregate, all from ONE forward (+ one backward: every layer
     * is tapped in the same graph). For "which layer should I look at?"; per-detection and aug-smooth do not apply,
     * nor do methods that choose their own layers ({@link WholeModelCam}).
     */
    public SweepResult sweep(Detector.Prepared prepared) {
        if (request.method() instanceof WholeModelCam) {
            throw new YolocamException(null, request.method().name() + " combines layers of its own choosing into "
                    + "one map; it has no per-layer sweep (use 'yolocam explain')");
        }
        try {
            LetterboxResult lb = prepared.letterbox();
            List<float[]> perLayer;
            DetectionResult detections;
            Target target;
            if (request.method().usesGradients()) {
                GraphSpec spec = new GraphSpec(1, lb.height(), lb.width(), new LinkedHashSet<>(request.layers()));
                FirstPass[] first = new FirstPass[1];
                OutAndGrad pass = detector.model().graph(spec).forwardBackward(prepared.tensor(), request.layers(),
                        request.layers(), seedFromDetections(ImageBatch.of(prepared), first, false));
                detections = first[0].detections();
                target = first[0].target();
                perLayer = target.isEmpty() ? List.of() : perLayerFromPass(pass, prepared, target);
            } else {
                YoloGraph graph = detector.model().graph(GraphSpec.forward(lb.height(), lb.width()));
                List<String> wanted = new ArrayList<>(request.layers());
                wanted.add(graph.outputName());
                Map<String, INDArray> out = graph.outputs(prepared.tensor(), wanted);
                INDArray raw = out.get(graph.outputName());
                detections = detector.decide(prepared, raw.dup());
                target = targetFor(detections);
                perLayer = new ArrayList<>();
                if (!target.isEmpty()) {
                    GraphModelAccess access = new GraphModelAccess(detector.model(), prepared, target, raw);
                    for (String layer : request.layers()) {
                        perLayer.add(layerMap(tensors(layer, out.get(layer), null), access, lb));
                    }
                }
            }
            List<CamMap> maps = new ArrayList<>();
            for (int i = 0; i < perLayer.size(); i++) {
                maps.add(finish(perLayer.get(i), detections, target, -1, List.of(request.layers().get(i))));
            }
            return new SweepResult(detections, maps, target.isEmpty());
        } finally {
            memory.afterPass();
        }
    }

    private float[] layerMap(LayerTensors t, ModelAccess access, LetterboxResult lb) {
        float[] raw = request.method().layerMap(t, request.eigenSmooth(), access, request.options());
        return CamMath.scaleCam(CamMath.relu(raw), t.height(), t.width(), lb.height(), lb.width());
    }

    private CamMap finish(float[] map, DetectionResult detections, Target target, int detectionIndex) {
        return finish(map, detections, target, detectionIndex, request.layers());
    }

    private CamMap finish(float[] map, DetectionResult detections, Target target, int detectionIndex,
                          List<String> layers) {
        LetterboxResult lb = detections.letterbox();
        if (request.keepTopPercent() > 0) {
            map = CamMath.keepTopPercent(map, request.keepTopPercent());
        }
        if (request.renormalize()) {
            List<double[]> boxes = new ArrayList<>();
            for (Detection d : target.detections()) {
                boxes.add(new double[] {d.x1(), d.y1(), d.x2(), d.y2()});
            }
            if (!boxes.isEmpty()) {
                map = CamMath.renormalizeInBoxes(map, lb.height(), lb.width(), boxes);
            }
        }
        float[] original = FrameMapper.toOriginal(map, lb, detections.original().height(),
                detections.original().width());
        MapScoring scoring = new MapScoring(detector.model(), prepared(detections), target, detections.raw());
        return new CamMap(request.method().name(), layers, request.targets(), detectionIndex,
                target.detections(), scoring, lb.height(), lb.width(), map, detections.original().height(),
                detections.original().width(), original, Map.of());
    }

    private static Detector.Prepared prepared(DetectionResult detections) {
        return new Detector.Prepared(detections.image(), detections.original(), detections.letterbox());
    }

    /** The rows to explain: NMS survivors of the selected classes; class_all sums over those classes. */
    private Target targetFor(DetectionResult detections) {
        List<Detection> selected = new ArrayList<>();
        Set<Integer> classes = new LinkedHashSet<>();
        for (Detection d : detections.inInput()) {
            if (request.classes().length == 0 || contains(request.classes(), d.classId())) {
                selected.add(d);
                classes.add(d.classId());
            }
        }
        int[] classAll = request.classes().length > 0 ? request.classes().clone()
                : classes.stream().sorted().mapToInt(Integer::intValue).toArray();
        return new Target(request.targets(), selected, classAll);
    }

    private static INDArray seedGradient(Target target, INDArray raw) {
        long rows = raw.size(1);
        long columns = raw.size(2);
        float[] out = FloatArrays.values(raw);
        return FloatArrays.of(target.gradient(out, (int) rows, (int) columns), raw.shape());
    }

    private static LayerTensors tensors(String layer, INDArray activation, INDArray gradient) {
        long[] s = activation.shape();
        if (s.length != 4) {
            throw new YolocamException(null, "layer " + layer + " is not a feature map (shape "
                    + Arrays.toString(s) + "); choose a layer that 'yolocam layers' shows as [1, C, H, W]");
        }
        return new LayerTensors(layer, (int) s[1], (int) s[2], (int) s[3], FloatArrays.values(activation),
                gradient == null ? null : FloatArrays.values(gradient));
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(DetectionResult detections, Detection d) {
        return detections.inInput().indexOf(d);
    }

    /** What the listener of the first pass learned about one image. */
    private record FirstPass(DetectionResult detections, Target target) {
    }

    /** A Detect output (B, N, 5+nc) copied once into Java, read per image. */
    private record DetectOutput(float[] values, int rows, int columns) {
        static DetectOutput of(INDArray raw) {
            return new DetectOutput(FloatArrays.values(raw), (int) raw.size(1), (int) raw.size(2));
        }

        int perItem() {
            return rows * columns;
        }

        float[] item(int index) {
            return Arrays.copyOfRange(values, index * perItem(), (index + 1) * perItem());
        }

        /** NMS on one image's rows ({@link #item}); its DetectionResult keeps a native copy of them. */
        DetectionResult decide(Detector detector, Detector.Prepared image, float[] itemRows) {
            return detector.decide(image, FloatArrays.of(itemRows, 1, rows, columns), itemRows);
        }
    }
}
