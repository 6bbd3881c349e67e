package dev.yolocam.cam;

import dev.yolocam.detect.Detection;
import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.detect.LetterboxResult;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.model.MemoryPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CAM pipeline, as pytorch-grad-cam's base_cam.py, in one direction: a first pass whose detections (NMS of that
 * very pass) define the target, and for gradient methods the backward of the same pass ({@link PassRunner}); then
 * the maps ({@link MapBuilder}: the method, ReLU, scaling, aggregation), optionally smoothed ({@link AugSmooth});
 * then their post-processing ({@link MapFinisher}). Faithfulness metrics are a later stage
 * ({@code dev.yolocam.metrics}).
 */
public final class CamEngine {
    private final Detector detector;
    private final CamRequest request;
    private final MemoryPolicy memory;
    private final PassRunner passes;
    private final MapBuilder maps;
    private final MapFinisher finisher;
    private final MissExplainer misses;

    public CamEngine(Detector detector, CamRequest request) {
        this(detector, request, MemoryPolicy.standard());
    }

    public CamEngine(Detector detector, CamRequest request, MemoryPolicy memory) {
        this(detector, request, memory, MapProgress.NONE);
    }

    /** @param progress told how far the slow methods (D-RISE) got with each image */
    public CamEngine(Detector detector, CamRequest request, MemoryPolicy memory, MapProgress progress) {
        this.detector = detector;
        this.request = request;
        this.memory = memory;
        this.passes = new PassRunner(detector, request.method().usesGradients(), this::targetFor);
        this.maps = new MapBuilder(detector.model(), request, progress);
        this.finisher = new MapFinisher(detector.model(), request);
        this.misses = new MissExplainer(detector, request, passes, maps, finisher);
    }

    public CamRequest request() {
        return request;
    }

    public Detector detector() {
        return detector;
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
            List<String> layers = tappedLayers(batch.height(), batch.width());
            List<ExplainResult> results = new ArrayList<>();
            for (ImageRecord record : passes.first(batch, layers, request.perDetection())) {
                results.add(explain(record));
            }
            return results;
        } finally {
            memory.afterPass();
        }
    }

    /** One image's maps: of its whole target, or of each detection in turn (the first from the first pass). */
    private ExplainResult explain(ImageRecord record) {
        DetectionResult detections = record.detections();
        Target target = record.target();
        LabelCheck labels = request.misses() ? misses.check(record) : null;
        if (target.isEmpty()) {
            return new ExplainResult(detections, List.of(), true, labels);
        }
        List<Target> explained = request.perDetection()
                ? target.detections().stream().map(target::only).toList() : List.of(target);
        // A masking method's maps of all detections share its forward passes.
        List<float[]> shared = request.method() instanceof MaskingCam ? maps.maps(record.pass(), explained) : null;
        List<CamMap> out = new ArrayList<>();
        for (int i = 0; i < explained.size(); i++) {
            Target t = explained.get(i);
            TappedPass pass = i == 0 ? record.pass() : passes.again(record.pass(), t);
            float[] map = shared != null ? shared.get(i) : maps.map(pass, t);
            if (request.augSmooth()) {
                map = AugSmooth.apply(pass.prepared(), t, grid(pass.prepared()), map,
                        (variant, vt) -> maps.map(passes.variant(variant, vt, pass.layers()), vt));
            }
            int index = request.perDetection() ? detections.inInput().indexOf(t.detections().get(0)) : -1;
            out.add(finisher.finish(map, detections, t, index, pass.layers()));
        }
        return new ExplainResult(detections, out, false, labels);
    }

    /**
     * One map per requested layer instead of their aggregate, all from ONE forward (+ one backward: every layer
     * is tapped in the same graph). For "which layer should I look at?"; per-detection and aug-smooth do not apply,
     * nor do methods that choose their own layers ({@link WholeModelCam}) or read none ({@link MaskingCam}).
     */
    public SweepResult sweep(Detector.Prepared prepared) {
        if (request.method() instanceof WholeModelCam) {
            throw new YolocamException(null, request.method().name() + " combines layers of its own choosing into "
                    + "one map; it has no per-layer sweep (use 'yolocam explain')");
        }
        if (request.method() instanceof MaskingCam) {
            throw new YolocamException(null, request.method().name() + " perturbs the input image and reads no "
                    + "layer; it has no per-layer sweep (use 'yolocam explain')");
        }
        try {
            ImageRecord record = passes.first(ImageBatch.of(prepared), request.layers(), false).get(0);
            List<float[]> perLayer = record.target().isEmpty() ? List.of()
                    : maps.perLayer(record.pass(), record.target());
            List<CamMap> out = new ArrayList<>();
            for (int i = 0; i < perLayer.size(); i++) {
                out.add(finisher.finish(perLayer.get(i), record.detections(), record.target(), -1,
                        List.of(request.layers().get(i))));
            }
            return new SweepResult(record.detections(), out, record.target().isEmpty());
        } finally {
            memory.afterPass();
        }
    }

    /**
     * The layers a pass taps: the requested ones, those a {@link WholeModelCam} chooses from the layer table, or
     * none for a {@link MaskingCam}.
     */
    private List<String> tappedLayers(int height, int width) {
        if (request.method() instanceof MaskingCam) {
            return List.of();
        }
        if (request.method() instanceof WholeModelCam whole) {
            return whole.layers(detector.model().graph(GraphSpec.forward(height, width)).layers());
        }
        return request.layers();
    }

    private PredictionGrid grid(Detector.Prepared prepared) {
        return grid(prepared.letterbox());
    }

    private PredictionGrid grid(LetterboxResult lb) {
        return PredictionGrid.of(detector.model().description().detect(), lb.height(), lb.width());
    }

    /**
     * The rows to explain: NMS survivors of the selected classes; class_all sums over those classes; the method may
     * adjust the target.
     */
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
        return request.method().target(new Target(request.targets(), selected, classAll,
                grid(detections.letterbox())));
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
