package dev.yolocam.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A YOLOv5 model as a SameDiff graph for one input shape. Every module output is a variable named by its PyTorch
 * path ({@link #layers()}); the Detect output (B, N, 5+nc) is {@link #outputName()}. Inside the SameDiff graph
 * feature maps are NHWC (faster convolutions); {@link #outputs} and {@link #forwardBackward} return them, and
 * their gradients, in PyTorch's NCHW, with the shapes {@link #layers()} lists.
 *
 * <p>Gradient passes ({@link #forwardBackward}) run ONE forward and ONE backward: the caller's function sees the
 * forward's Detect output as soon as it is computed (e.g. to run NMS on it) and returns d(target)/d(output), which
 * seeds the backward down to the graph's gradient taps.
 *
 * <p>The first pass of each kind (same results requested) runs SameDiff's session and is recorded; every pass of
 * that kind, the first included, then replays the recorded ops on this graph's own arrays ({@link RecordedPass}),
 * without the session's per-op work or per-pass allocations. The session's own result is not handed out: it can
 * differ from a replay in the last bits (seen: a map's box mass 0.98879115621 vs 0.98879115533), and a result must
 * not depend on what the graph ran before (an audit resumed in a new process gives the rows of an uninterrupted
 * one). Arrays a pass returns are the caller's (copies on replay).
 */
public final class YoloGraph {
    private final SameDiff sd;
    private final GraphSpec spec;
    private final ModelDescription model;
    private final Map<String, LayerInfo> layers = new LinkedHashMap<>();
    private final Map<String, float[]> biases;
    private final List<Listener> observers = new ArrayList<>();
    private static final java.util.concurrent.atomic.AtomicInteger GRADIENT_FUNCTIONS_BUILT =
            new java.util.concurrent.atomic.AtomicInteger();
    private boolean gradientFunctionReady;
    private final Map<List<String>, RecordedPass> replays = new java.util.HashMap<>();

    YoloGraph(SameDiff sd, GraphSpec spec, ModelDescription model, List<LayerInfo> layers,
              Map<String, float[]> biases) {
        this.sd = sd;
        this.spec = spec;
        this.model = model;
        for (LayerInfo layer : layers) {
            this.layers.put(layer.path(), layer);
        }
        this.biases = Map.copyOf(biases);
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public GraphSpec spec() {
        return spec;
    }

    public ModelDescription model() {
        return model;
    }

    public List<LayerInfo> layers() {
        return List.copyOf(layers.values());
    }

    public Optional<LayerInfo> layer(String path) {
        return Optional.ofNullable(layers.get(path));
    }

    /**
     * The per-channel bias the module producing {@code layer} adds as its last op, as the builder recorded it: a
     * Conv2d's bias with the BatchNorm the graph folds into it, a stand-alone BatchNorm2d's shift; empty for any
     * other module and for a Conv2d that adds no bias. The same in every graph of a model.
     */
    public Optional<float[]> outputBias(String layer) {
        return Optional.ofNullable(biases.get(layer)).map(float[]::clone);
    }

    public String inputName() {
        return GraphBuilder.INPUT;
    }

    public String outputName() {
        return model.detect().path();
    }

    /** Listeners that watch every pass of this graph once (tests count ops with one). */
    public void addObserver(Listener listener) {
        observers.add(listener);
    }

    /** The Detect output (B, N, 5+nc) for a (B, 3, H, W) input. */
    public synchronized INDArray predict(INDArray images) {
        return outputs(images, List.of(outputName())).get(outputName());
    }

    /** Any named variables for one forward pass; only the ops they need run. */
    public synchronized Map<String, INDArray> outputs(INDArray images, Collection<String> names) {
        return outputs(images, Map.of(), names);
    }

    /** A forward pass with extra placeholders (the scale and shift of the spec's edited outputs). */
    public synchronized Map<String, INDArray> outputs(INDArray images, Map<String, INDArray> extraFeeds,
                                                      Collection<String> names) {
        checkInput(images);
        Map<String, INDArray> feeds = new LinkedHashMap<>(extraFeeds);
        feeds.put(GraphBuilder.INPUT, images);
        List<String> key = replayKey(names, feeds.keySet());
        RecordedPass replay = replays.get(key);
        Map<String, INDArray> out;
        if (replay != null) {
            out = replay.run(feeds, null, null, null, observers);
        } else {
            PassRecorder recorder = new PassRecorder();
            List<Listener> listeners = new ArrayList<>(observers);
            listeners.add(recorder);
            sd.setListeners(listeners.toArray(new Listener[0]));
            try {
                out = sd.output(feeds, new ArrayList<>(names));
            } finally {
                sd.setListeners(observers.toArray(new Listener[0]));
            }
            RecordedPass recorded = recorder.replay(feeds.keySet(), names).orElse(null);
            if (recorded != null) {
                replayFromNowOn(key, recorded);
                out = recorded.run(feeds, null, null, null, List.of()); // the observers saw this pass already
            }
        }
        out.replaceAll(this::asPyTorchLayout);
        return out;
    }

    /**
     * One forward + one backward whose seed is decided from the Detect output of this very forward: {@code seeding}
     * returns the gradient and what it decided (NMS, the targets), which comes back with the pass.
     */
    public <T> SeededPass<T> seededPass(INDArray images, Collection<String> outputs, Collection<String> gradientsAt,
                                        Function<INDArray, SeededPass.Seed<T>> seeding) {
        List<T> decided = new ArrayList<>(1);
        OutAndGrad pass = forwardBackward(images, outputs, gradientsAt, raw -> {
            SeededPass.Seed<T> seed = seeding.apply(raw);
            decided.add(seed.decision());
            return seed.gradient();
        });
        return new SeededPass<>(pass, decided.get(decided.size() - 1)); // the first pass of a kind seeds twice
    }

    /**
     * One forward + one backward. {@code outputGradient} receives the Detect output of this very forward and
     * returns d(target)/d(output) of the same shape; the result holds the requested outputs (the Detect output is
     * always included) and the gradients at {@code gradientsAt} (which must be taps of this graph's spec).
     */
    public synchronized OutAndGrad forwardBackward(INDArray images, Collection<String> outputs,
                                                   Collection<String> gradientsAt,
                                                   UnaryOperator<INDArray> outputGradient) {
        return forwardBackward(images, Map.of(), outputs, gradientsAt, outputGradient);
    }

    /** {@link #forwardBackward} with extra placeholders (the scale and shift of the spec's edited outputs). */
    public synchronized OutAndGrad forwardBackward(INDArray images, Map<String, INDArray> extraFeeds,
                                                   Collection<String> outputs, Collection<String> gradientsAt,
                                                   UnaryOperator<INDArray> outputGradient) {
        checkInput(images);
        if (!spec.gradientTaps().containsAll(gradientsAt)) {
            throw new IllegalArgumentException("gradients requested at " + gradientsAt + " but the graph taps only "
                    + spec.gradientTaps());
        }
        prepareGradients();
        long[] outShape = layers.get(outputName()).shape();
        INDArray seed = Nd4j.zeros(DataType.FLOAT, outShape);
        List<String> wanted = new ArrayList<>(outputs);
        if (!wanted.contains(outputName())) {
            wanted.add(outputName());
        }
        Map<String, INDArray> feeds = new LinkedHashMap<>(extraFeeds);
        feeds.put(GraphBuilder.INPUT, images);
        feeds.put(GraphBuilder.OUTPUT_GRADIENT, seed);
        List<String> gradientNames = gradientsAt.stream().map(name -> sd.grad(name).name()).toList();
        List<String> results = new ArrayList<>(wanted);
        results.addAll(gradientNames);
        List<String> key = replayKey(results, feeds.keySet());
        RecordedPass replay = replays.get(key);
        OutAndGrad result;
        if (replay != null) {
            result = replayed(replay, feeds, wanted, gradientsAt, gradientNames, outputGradient, observers);
        } else {
            PassRecorder recorder = new PassRecorder();
            List<Listener> listeners = new ArrayList<>(observers);
            listeners.add(new SeedFromOutput(outputName(), seed, outputGradient));
            listeners.add(recorder);
            sd.setListeners(listeners.toArray(new Listener[0]));
            try {
                result = sd.calculateGradientsAndOutputs(feeds, wanted, new ArrayList<>(gradientsAt));
            } finally {
                sd.setListeners(observers.toArray(new Listener[0]));
            }
            RecordedPass recorded = recorder.replay(feeds.keySet(), results).orElse(null);
            if (recorded != null) {
                replayFromNowOn(key, recorded);
                // the observers saw this pass already, in the session
                result = replayed(recorded, feeds, wanted, gradientsAt, gradientNames, outputGradient, List.of());
            }
        }
        result.getOutputs().replaceAll(this::asPyTorchLayout);
        result.getGradients().replaceAll(this::asPyTorchLayout);
        return result;
    }

    private OutAndGrad replayed(RecordedPass replay, Map<String, INDArray> feeds, List<String> wanted,
                                Collection<String> gradientsAt, List<String> gradientNames,
                                UnaryOperator<INDArray> outputGradient, List<Listener> watching) {
        Map<String, INDArray> all = replay.run(feeds, outputName(), GraphBuilder.OUTPUT_GRADIENT, outputGradient,
                watching);
        Map<String, INDArray> outs = new LinkedHashMap<>();
        wanted.forEach(name -> outs.put(name, all.get(name)));
        Map<String, INDArray> grads = new LinkedHashMap<>();
        int i = 0;
        for (String name : gradientsAt) {
            grads.put(name, all.get(gradientNames.get(i++)));
        }
        return new OutAndGrad(outs, grads);
    }

    /**
     * From now on this kind of pass replays. The session's own arrays (it caches what it allocated, hundreds of MB
     * for a large input) are dropped so they do not sit beside the replay's; the JVM's own collections free them
     * (a forced one here made no difference to peak RSS, see MemoryPolicy).
     */
    private void replayFromNowOn(List<String> key, RecordedPass replay) {
        replays.put(key, replay);
        sd.getSessions().clear();
        if (sd.getFunction("grad") != null) {
            sd.getFunction("grad").getSessions().clear();
        }
    }

    /** Replays are kept per set of results and placeholders: a different request executes different ops. */
    private static List<String> replayKey(Collection<String> results, Collection<String> placeholders) {
        List<String> key = new ArrayList<>(new java.util.TreeSet<>(results));
        key.add("|");
        key.addAll(new java.util.TreeSet<>(placeholders));
        return key;
    }

    /** Builds the gradient function once (seconds for a large graph); later passes reuse it. */
    public synchronized void prepareGradients() {
        if (!gradientFunctionReady) {
            if (spec.gradientTaps().isEmpty()) {
                throw new IllegalStateException("this graph was built without gradient taps");
            }
            QuietStdout.run(sd::createGradFunction);
            GRADIENT_FUNCTIONS_BUILT.incrementAndGet();
            gradientFunctionReady = true;
        }
    }

    /** How many gradient functions this process has built (each costs seconds; runs should build few). */
    public static int gradientFunctionsBuilt() {
        return GRADIENT_FUNCTIONS_BUILT.get();
    }

    /** Feature maps live NHWC inside the graph; callers get PyTorch's NCHW (a view, no copy). */
    private INDArray asPyTorchLayout(String name, INDArray array) {
        LayerInfo layer = layers.get(name);
        return layer != null && layer.shape().length == 4 && array.rank() == 4 ? array.permute(0, 3, 1, 2) : array;
    }

    private void checkInput(INDArray images) {
        long[] expected = {spec.batch(), 3, spec.height(), spec.width()};
        if (!java.util.Arrays.equals(images.shape(), expected)) {
            throw new IllegalArgumentException("input has shape " + java.util.Arrays.toString(images.shape())
                    + ", this graph takes " + java.util.Arrays.toString(expected));
        }
    }

    /**
     * Fills the output-gradient placeholder in place as soon as the Detect output exists, before the loss op that
     * reads it runs: this is what lets the target depend on NMS of the same forward pass.
     */
    private static final class SeedFromOutput extends BaseListener {
        private final String outputName;
        private final INDArray seed;
        private final UnaryOperator<INDArray> gradientOf;

        SeedFromOutput(String outputName, INDArray seed, UnaryOperator<INDArray> gradientOf) {
            this.outputName = outputName;
            this.seed = seed;
            this.gradientOf = gradientOf;
        }

        @Override
        public boolean isActive(Operation operation) {
            return true;
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                                INDArray[] outputs) {
            int index = op.getOutputsOfOp().indexOf(outputName);
            if (index >= 0) {
                seed.assign(gradientOf.apply(outputs[index]));
            }
        }
    }
}
