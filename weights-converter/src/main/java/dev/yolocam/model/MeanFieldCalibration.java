package dev.yolocam.model;

import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Sets the BatchNorm running statistics of a randomly initialised Ultralytics 8.x model (YOLOv8, YOLO11) without
 * running it: a data-free stand-in for the oracle's calibration (one train-mode forward over images). With running
 * statistics that ignore the weights the network is on a knife edge (measured with upstream 8.3.166 on the oracle's
 * images): YOLOv5's recipe (conv gain 2.5) leaves only BatchNorm biases at the head, so the output no longer depends
 * on the input, and a gain of 3 already overflows into saturated or astronomic activations a few C2f blocks later.
 *
 * <p>Mean-field propagation: every feature map is described by a per-channel mean and variance, as if each pixel
 * were an independent Gaussian; layer by layer in model order, every Conv's BatchNorm gets the mean and variance its
 * conv output would have ({@code running_mean}, {@code running_var}), so its output is about N(bias, weight^2)
 * per channel, and the moments go on through SiLU, residual adds, concatenations, max pools and attention. The
 * Detect output convs are rescaled so that their logits spread by {@link #BOX_LOGIT_STD} / {@link #CLS_LOGIT_STD}
 * around the biases of {@code bias_init}.
 *
 * <p>What it cannot see (correlations between neighbouring pixels and channels) makes each layer's real variance
 * differ from the prediction by a random factor, and these compound with depth: on real images most models keep
 * activations of order 1 with classes firing on some cells, while for some seeds, and more often for the deep m/l/x
 * scales, activations grow by 10 to 1000 through the neck and the class head saturates (always finite). The same
 * happens, less often, to a model calibrated on synthetic images the way the oracle was.
 */
final class MeanFieldCalibration {
    /** What the first conv sees: letterboxed RGB / 255 of a natural image. */
    private static final double INPUT_MEAN = 0.45;
    private static final double INPUT_VARIANCE = 0.07;
    private static final double MIN_VARIANCE = 1e-6;
    private static final double BATCH_NORM_EPS = 1e-3;
    static final double RESIDUAL_BRANCH_GAIN = 0.1;
    static final double BOX_LOGIT_STD = 2.0;
    static final double CLS_LOGIT_STD = 1.0;

    /** Per-channel mean and variance of a feature map. */
    private record Moments(double[] mean, double[] variance) {
        int channels() {
            return mean.length;
        }

        Moments slice(int from, int to) {
            return new Moments(Arrays.copyOfRange(mean, from, to), Arrays.copyOfRange(variance, from, to));
        }

        /** The sum of two independent maps. */
        Moments plus(Moments other) {
            double[] m = mean.clone();
            double[] v = variance.clone();
            for (int c = 0; c < m.length; c++) {
                m[c] += other.mean[c];
                v[c] += other.variance[c];
            }
            return new Moments(m, v);
        }

        static Moments concat(List<Moments> parts) {
            int n = parts.stream().mapToInt(Moments::channels).sum();
            double[] m = new double[n];
            double[] v = new double[n];
            int at = 0;
            for (Moments p : parts) {
                System.arraycopy(p.mean, 0, m, at, p.channels());
                System.arraycopy(p.variance, 0, v, at, p.channels());
                at += p.channels();
            }
            return new Moments(m, v);
        }
    }

    private final Map<String, TensorData> stateDict;
    private final Map<String, TensorData> updated = new LinkedHashMap<>();

    private MeanFieldCalibration(Map<String, TensorData> stateDict) {
        this.stateDict = stateDict;
    }

    /**
     * @param root      the model built from {@code stateDict}
     * @param stateDict its state_dict, as {@link UltralyticsRandomStateDict} drew it
     * @return the state_dict with calibrated BatchNorm statistics and rescaled Detect output convs
     * @throws IllegalArgumentException for a module this propagation has no rule for
     */
    static Map<String, TensorData> calibrate(ModuleNode root, Map<String, TensorData> stateDict) {
        MeanFieldCalibration calibration = new MeanFieldCalibration(stateDict);
        calibration.run(root.find("model").orElseThrow(() ->
                new IllegalArgumentException("the model has no 'model' Sequential")));
        Map<String, TensorData> out = new LinkedHashMap<>(stateDict);
        out.putAll(calibration.updated);
        return out;
    }

    private void run(ModuleNode layers) {
        List<Moments> outputs = new ArrayList<>();
        Moments x = constant(3, INPUT_MEAN, INPUT_VARIANCE);
        for (ModuleNode layer : layers.children().values()) {
            List<Moments> inputs = inputs(layer.attributes().get("f"), x, outputs);
            x = switch (layer.simpleClass()) {
                case "Concat" -> Moments.concat(inputs);
                case "Detect" -> detect(layer, inputs);
                default -> forward(layer, inputs.get(0));
            };
            outputs.add(x);
        }
    }

    private Moments forward(ModuleNode m, Moments x) {
        return switch (m.simpleClass()) {
            case "Conv", "DWConv" -> conv(m, x);
            case "Bottleneck" -> {
                boolean add = Boolean.TRUE.equals(m.attributes().get("add"));
                if (add) {
                    shrinkResidualBranch(child(child(m, "cv2"), "bn"));
                }
                Moments y = conv(child(m, "cv2"), conv(child(m, "cv1"), x));
                yield add ? x.plus(y) : y;
            }
            case "C2f", "C3k2" -> {
                Moments y = conv(child(m, "cv1"), x);
                int c = y.channels() / 2;
                List<Moments> parts = new ArrayList<>(List.of(y.slice(0, c), y.slice(c, 2 * c)));
                for (ModuleNode block : child(m, "m").children().values()) {
                    parts.add(forward(block, parts.get(parts.size() - 1)));
                }
                yield conv(child(m, "cv2"), Moments.concat(parts));
            }
            case "C3", "C3k" -> conv(child(m, "cv3"), Moments.concat(List.of(
                    forward(child(m, "m"), conv(child(m, "cv1"), x)), conv(child(m, "cv2"), x))));
            case "SPPF" -> sppf(m, x);
            case "C2PSA" -> {
                Moments y = conv(child(m, "cv1"), x);
                int c = y.channels() / 2;
                yield conv(child(m, "cv2"), Moments.concat(List.of(y.slice(0, c),
                        forward(child(m, "m"), y.slice(c, 2 * c)))));
            }
            case "PSABlock" -> {
                boolean add = Boolean.TRUE.equals(m.attributes().get("add"));
                Moments a = attention(child(m, "attn"), x);
                Moments y = add ? x.plus(a) : a;
                Moments f = forward(child(m, "ffn"), y);
                yield add ? y.plus(f) : f;
            }
            case "Sequential" -> {
                Moments y = x;
                for (ModuleNode item : m.children().values()) {
                    y = forward(item, y);
                }
                yield y;
            }
            case "Upsample" -> x;
            default -> throw new IllegalArgumentException("random weights: no mean-field rule for " + m.pythonClass()
                    + " at " + m.path());
        };
    }

    /**
     * Scales the BatchNorm weight and bias at the end of a residual branch by {@link #RESIDUAL_BRANCH_GAIN}, so
     * that {@code x + f(x)} starts close to x (torchvision's {@code zero_init_residual}, not quite zero): the deep
     * C3k/C2f stacks of the m/l/x scales then act as fewer layers, and the small per-layer errors of this
     * propagation do not compound through them.
     */
    private void shrinkResidualBranch(ModuleNode bn) {
        for (String name : List.of("weight", "bias")) {
            String key = bn.path() + "." + name;
            float[] v = values(key, bn.parameters().get(name));
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] * RESIDUAL_BRANCH_GAIN);
            }
            put(key, v);
        }
    }

    /** Conv2d -> BatchNorm2d (calibrated here) -> act. */
    private Moments conv(ModuleNode convModule, Moments x) {
        return activation(child(convModule, "act"), normalized(convModule, x));
    }

    /** Conv2d -> BatchNorm2d, whose running statistics are set to the conv output's: about N(bias, weight^2). */
    private Moments normalized(ModuleNode convModule, Moments x) {
        ModuleNode bn = child(convModule, "bn");
        Moments y = conv2d(child(convModule, "conv"), x);
        float[] gamma = values(bn.path() + ".weight", bn.parameters().get("weight"));
        float[] beta = values(bn.path() + ".bias", bn.parameters().get("bias"));
        float[] runningMean = new float[y.channels()];
        float[] runningVar = new float[y.channels()];
        double[] m = new double[y.channels()];
        double[] v = new double[y.channels()];
        for (int o = 0; o < y.channels(); o++) {
            runningMean[o] = (float) y.mean[o];
            runningVar[o] = (float) Math.max(y.variance[o], MIN_VARIANCE);
            m[o] = beta[o];
            v[o] = gamma[o] * gamma[o] * y.variance[o] / (runningVar[o] + BATCH_NORM_EPS);
        }
        put(bn.path() + ".running_mean", runningMean);
        put(bn.path() + ".running_var", runningVar);
        return new Moments(m, v);
    }

    /** Per output channel: mean {@code sum w * mu_in (+ bias)}, variance {@code sum w^2 var_in}. */
    private Moments conv2d(ModuleNode conv2d, Moments x) {
        TensorData weight = conv2d.parameters().get("weight");
        long[] shape = weight.shape();
        float[] w = values(conv2d.path() + ".weight", weight);
        int out = (int) shape[0];
        int inPerGroup = (int) shape[1];
        int taps = (int) (shape[2] * shape[3]);
        int groups = ((Long) conv2d.attributes().get("groups")).intValue();
        if (inPerGroup * groups != x.channels()) {
            throw new IllegalArgumentException(conv2d.path() + " takes " + inPerGroup * groups + " channels, gets "
                    + x.channels());
        }
        int outPerGroup = out / groups;
        double[] bias = conv2d.parameters().containsKey("bias") ? conv2d.parameters().get("bias").toDoubles() : null;
        double[] m = new double[out];
        double[] v = new double[out];
        for (int o = 0; o < out; o++) {
            int firstIn = (o / outPerGroup) * inPerGroup;
            double mean = bias == null ? 0 : bias[o];
            double variance = 0;
            for (int i = 0; i < inPerGroup; i++) {
                double mu = x.mean[firstIn + i];
                double var = x.variance[firstIn + i];
                int base = (o * inPerGroup + i) * taps;
                for (int t = 0; t < taps; t++) {
                    double wt = w[base + t];
                    mean += wt * mu;
                    variance += wt * wt * var;
                }
            }
            m[o] = mean;
            v[o] = variance;
        }
        return new Moments(m, v);
    }

    private static Moments activation(ModuleNode act, Moments x) {
        return act.simpleClass().equals("Identity") ? x : pooledActivation(act, x, 1);
    }

    /**
     * The activation of the largest of {@code n} independent samples of each channel: the activation itself for
     * n = 1, a max pool of the activated map for larger n (SiLU is increasing wherever a maximum lands). Taking the
     * maximum before the activation keeps the heavy right tail of SiLU outputs that sets how far a max pool lifts
     * the mean.
     */
    private static Moments pooledActivation(ModuleNode act, Moments x, int n) {
        DoubleUnaryOperator f = switch (act.simpleClass()) {
            case "Identity" -> z -> z;
            case "SiLU" -> z -> z / (1 + Math.exp(-z));
            default -> throw new IllegalArgumentException("random weights: no mean-field rule for activation "
                    + act.pythonClass());
        };
        double[] m = new double[x.channels()];
        double[] v = new double[x.channels()];
        for (int c = 0; c < m.length; c++) {
            double[] mv = NormalMoments.ofMax(f, x.mean[c], x.variance[c], n);
            m[c] = mv[0];
            v[c] = mv[1];
        }
        return new Moments(m, v);
    }

    /**
     * {@code cv2(cat(y0, m(y0), m(m(y0)), m(m(m(y0)))))}: the j-th chained k x k max pool is a max over a
     * (k + j(k - 1))^2 window of y0.
     */
    private Moments sppf(ModuleNode m, Moments x) {
        ModuleNode cv1 = child(m, "cv1");
        Moments z0 = normalized(cv1, x);
        long k = (Long) child(m, "m").attributes().get("kernel_size");
        List<Moments> parts = new ArrayList<>();
        for (int j = 0; j <= 3; j++) {
            int window = (int) (k + j * (k - 1));
            parts.add(pooledActivation(child(cv1, "act"), z0, j == 0 ? 1 : window * window));
        }
        return conv(child(m, "cv2"), Moments.concat(parts));
    }

    /**
     * {@code proj(v @ attn^T + pe(v))}: over a whole feature map the attention-weighted average of v keeps v's mean
     * and, spread over many positions, almost none of its variance; pe (a depthwise conv) keeps the rest.
     */
    private Moments attention(ModuleNode m, Moments x) {
        Moments qkv = conv(child(m, "qkv"), x);
        int heads = ((Long) m.attributes().get("num_heads")).intValue();
        int keyDim = ((Long) m.attributes().get("key_dim")).intValue();
        int headDim = ((Long) m.attributes().get("head_dim")).intValue();
        List<Moments> vs = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            int start = h * (2 * keyDim + headDim) + 2 * keyDim;
            vs.add(qkv.slice(start, start + headDim));
        }
        Moments v = Moments.concat(vs);
        Moments averaged = new Moments(v.mean, new double[v.channels()]);
        return conv(child(m, "proj"), averaged.plus(conv(child(m, "pe"), v)));
    }

    /**
     * Each level's box branch {@code cv2.k} and class branch {@code cv3.k}: the Convs are calibrated, the last
     * Conv2d rescaled so that its logits (bias aside) have the target spread.
     */
    private Moments detect(ModuleNode detect, List<Moments> inputs) {
        for (int k = 0; k < inputs.size(); k++) {
            branch(child(child(detect, "cv2"), String.valueOf(k)), inputs.get(k), BOX_LOGIT_STD);
            branch(child(child(detect, "cv3"), String.valueOf(k)), inputs.get(k), CLS_LOGIT_STD);
        }
        return inputs.get(0);
    }

    private void branch(ModuleNode sequential, Moments x, double logitStd) {
        List<ModuleNode> items = List.copyOf(sequential.children().values());
        Moments y = x;
        for (ModuleNode item : items.subList(0, items.size() - 1)) {
            y = forward(item, y);
        }
        ModuleNode output = items.get(items.size() - 1);
        String key = output.path() + ".weight";
        TensorData weight = output.parameters().get("weight");
        float[] w = values(key, weight).clone();
        int out = (int) weight.shape()[0];
        int in = (int) weight.shape()[1];
        int taps = (int) (weight.shape()[2] * weight.shape()[3]);
        double secondMoment = 0; // E over outputs and positions of (w . x)^2, the bias left out
        for (int o = 0; o < out; o++) {
            double mean = 0;
            double var = 0;
            for (int i = 0; i < in; i++) {
                for (int t = 0; t < taps; t++) {
                    double wt = w[(o * in + i) * taps + t];
                    mean += wt * y.mean[i];
                    var += wt * wt * y.variance[i];
                }
            }
            secondMoment += (mean * mean + var) / out;
        }
        double scale = logitStd / Math.sqrt(secondMoment);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (w[i] * scale);
        }
        put(key, w);
    }

    private float[] values(String key, TensorData tensor) {
        TensorData current = updated.getOrDefault(key, tensor);
        return current.toFloats();
    }

    private void put(String key, float[] values) {
        TensorData original = stateDict.get(key);
        if (original == null) {
            throw new IllegalArgumentException("the state_dict has no " + key);
        }
        updated.put(key, Float32Tensors.of(key, values, original.shape()));
    }

    private static ModuleNode child(ModuleNode m, String name) {
        ModuleNode child = m.children().get(name);
        if (child == null) {
            throw new IllegalArgumentException(m.path() + " (" + m.simpleClass() + ") has no " + name);
        }
        return child;
    }

    private static List<Moments> inputs(Object from, Moments previous, List<Moments> outputs) {
        List<Moments> inputs = new ArrayList<>();
        for (Object f : from instanceof List<?> list ? list : List.of(from)) {
            long index = (Long) f;
            inputs.add(index == -1 ? previous : outputs.get((int) (index < 0 ? outputs.size() + index : index)));
        }
        return inputs;
    }

    private static Moments constant(int channels, double mean, double variance) {
        double[] m = new double[channels];
        double[] v = new double[channels];
        Arrays.fill(m, mean);
        Arrays.fill(v, variance);
        return new Moments(m, v);
    }
}
