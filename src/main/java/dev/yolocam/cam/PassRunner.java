package dev.yolocam.cam;

import dev.yolocam.detect.DetectionResult;
import dev.yolocam.detect.Detector;
import dev.yolocam.detect.ImageBatch;
import dev.yolocam.graph.FloatArrays;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.SeededPass;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.head.DetectHead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs the passes of a request and returns what they left, one typed record per image. A first pass decides each
 * image's detections (NMS of that very pass) and target; for gradient methods its backward is seeded by those
 * targets in the same pass, the seeding function returning both the seed and what it decided. Further passes of one image (per-detection maps, aug-smooth variants) take a known
 * target.
 */
final class PassRunner {
    private final Detector detector;
    private final boolean gradients;
    private final Function<DetectionResult, Target> targetOf;

    PassRunner(Detector detector, boolean gradients, Function<DetectionResult, Target> targetOf) {
        this.detector = detector;
        this.gradients = gradients;
        this.targetOf = targetOf;
    }

    /**
     * The first pass over a batch: one forward (+ one backward) for all its images, each seeded by its own target,
     * or by its first detection's when {@code firstDetectionOnly}.
     */
    List<ImageRecord> first(ImageBatch batch, List<String> layers, boolean firstDetectionOnly) {
        return gradients ? firstWithGradients(batch, layers, firstDetectionOnly) : firstForward(batch, layers);
    }

    /** A further pass of one image for a known target; a forward pass does not depend on the target. */
    TappedPass again(TappedPass pass, Target target) {
        return gradients ? backward(pass.prepared(), target, pass.layers()) : pass;
    }

    /** The pass of a transformed copy of an image (aug-smooth) for its own target. */
    TappedPass variant(Detector.Prepared variant, Target target, List<String> layers) {
        if (gradients) {
            return backward(variant, target, layers);
        }
        YoloGraph graph = detector.model().graph(GraphSpec.forward(variant.letterbox().height(),
                variant.letterbox().width()));
        Map<String, INDArray> out = graph.outputs(variant.tensor(), withOutput(layers, graph));
        return new TappedPass(variant, layers, out, null, out.get(graph.outputName()));
    }

    private List<ImageRecord> firstWithGradients(ImageBatch batch, List<String> layers, boolean firstOnly) {
        GraphSpec spec = new GraphSpec(batch.size(), batch.height(), batch.width(), new LinkedHashSet<>(layers));
        SeededPass<List<Decision>> seeded = detector.model().graph(spec).seededPass(batch.tensor(), layers, layers,
                raw -> seed(batch, raw, firstOnly));
        OutAndGrad pass = seeded.pass();
        List<ImageRecord> records = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            TappedPass tapped = tapped(batch.get(i), layers, item(pass.getOutputs(), i, batch.size()),
                    item(pass.getGradients(), i, batch.size()));
            Decision decision = seeded.decision().get(i);
            records.add(new ImageRecord(tapped, decision.detections(), decision.target()));
        }
        return records;
    }

    private List<ImageRecord> firstForward(ImageBatch batch, List<String> layers) {
        YoloGraph graph = detector.model().graph(GraphSpec.forward(batch.height(), batch.width())
                .withBatch(batch.size()));
        Map<String, INDArray> all = graph.outputs(batch.tensor(), withOutput(layers, graph));
        DetectOutput output = DetectOutput.of(head(), all.get(graph.outputName()));
        List<ImageRecord> records = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            DetectionResult detections = output.decide(detector, batch.get(i), output.item(i));
            Map<String, INDArray> out = item(all, i, batch.size());
            records.add(new ImageRecord(new TappedPass(batch.get(i), layers, out, null,
                    out.get(graph.outputName())), detections, targetOf.apply(detections)));
        }
        return records;
    }

    private TappedPass backward(Detector.Prepared prepared, Target target, List<String> layers) {
        LinkedHashSet<String> taps = new LinkedHashSet<>(layers);
        YoloGraph graph = detector.model().graph(new GraphSpec(1, prepared.letterbox().height(),
                prepared.letterbox().width(), taps));
        OutAndGrad pass = graph.forwardBackward(prepared.tensor(), layers, layers, raw -> FloatArrays.of(
                target.gradient(head().predictions(FloatArrays.values(raw), 0, head().rows(raw.shape()))),
                raw.shape()));
        return tapped(prepared, layers, pass.getOutputs(), pass.getGradients());
    }

    private TappedPass tapped(Detector.Prepared prepared, List<String> layers, Map<String, INDArray> outputs,
                              Map<String, INDArray> gradients) {
        return new TappedPass(prepared, layers, outputs, gradients,
                outputs.get(head().path()));
    }

    private DetectHead head() {
        return detector.model().description().detect();
    }

    private static List<String> withOutput(List<String> layers, YoloGraph graph) {
        List<String> wanted = new ArrayList<>(layers);
        wanted.add(graph.outputName());
        return wanted;
    }

    /** Image {@code index}'s share of a batched pass (the arrays themselves for a batch of one). */
    private static Map<String, INDArray> item(Map<String, INDArray> arrays, int index, int batchSize) {
        if (batchSize == 1) {
            return arrays;
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        arrays.forEach((name, array) -> out.put(name, ImageBatch.item(array, index)));
        return out;
    }

    /** What the first pass decided for one image: NMS of its own rows, and the target of those detections. */
    private record Decision(DetectionResult detections, Target target) {
    }

    /**
     * The seed of a first backward from that very pass's Detect output: per image NMS on its rows, its target,
     * and d(target)/d(output) of that target (or of its first detection's) on its rows only.
     */
    private SeededPass.Seed<List<Decision>> seed(ImageBatch batch, INDArray raw, boolean firstOnly) {
        DetectOutput output = DetectOutput.of(head(), raw);
        float[] seed = new float[output.values().length];
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            float[] rows = output.item(i);
            DetectionResult detections = output.decide(detector, batch.get(i), rows);
            Target target = targetOf.apply(detections);
            decisions.add(new Decision(detections, target));
            Target seeded = firstOnly && !target.detections().isEmpty()
                    ? target.only(target.detections().get(0)) : target;
            System.arraycopy(seeded.gradient(output.table(rows)), 0, seed,
                    i * output.perItem(), output.perItem());
        }
        return new SeededPass.Seed<>(FloatArrays.of(seed, raw.shape()), decisions);
    }
}
