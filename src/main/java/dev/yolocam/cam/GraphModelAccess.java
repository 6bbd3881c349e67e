package dev.yolocam.cam;

import dev.yolocam.graph.FloatArrays;
import dev.yolocam.detect.Detector;
import dev.yolocam.graph.GraphSpec;
import dev.yolocam.graph.YoloGraph;
import dev.yolocam.head.DetectHead;
import dev.yolocam.head.PredictionTable;
import java.util.ArrayList;
import dev.yolocam.model.YoloModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * ModelAccess on the real model: perturbed inputs or ablated channels run through graphs with a batch dimension
 * of {@code batchSize} (a short last batch is padded and its padding ignored), scored with the map's own target;
 * gradients at scaled layer outputs come from a graph that both edits and taps that layer; layer biases are those
 * the graph builder recorded.
 */
final class GraphModelAccess implements ModelAccess {
    private final YoloModel model;
    private final Detector.Prepared prepared;
    private final Target target;
    private final INDArray raw;

    GraphModelAccess(YoloModel model, Detector.Prepared prepared, Target target, INDArray raw) {
        this.model = model;
        this.prepared = prepared;
        this.target = target;
        this.raw = raw;
    }

    @Override
    public int inputHeight() {
        return prepared.letterbox().height();
    }

    @Override
    public int inputWidth() {
        return prepared.letterbox().width();
    }

    @Override
    public float[] input() {
        return prepared.letterbox().input();
    }

    @Override
    public double baseScore() {
        return score(model, raw, 0, target);
    }

    @Override
    public double[] scoreInputs(List<float[]> inputs, int batchSize) {
        return scoreEach(model, inputHeight(), inputWidth(), inputs, java.util.Collections.nCopies(inputs.size(),
                target), batchSize);
    }

    /**
     * The score of each (3, H, W) input under its own target, from passes of {@code batchSize} inputs (a short last
     * pass is padded with zeros, the padding ignored).
     */
    static double[] scoreEach(YoloModel model, int h, int w, List<float[]> inputs, List<Target> targets,
                              int batchSize) {
        int per = 3 * h * w;
        YoloGraph graph = model.graph(new GraphSpec(batchSize, h, w, java.util.Set.of()));
        double[] scores = new double[inputs.size()];
        for (int start = 0; start < inputs.size(); start += batchSize) {
            float[] batch = new float[batchSize * per];
            int n = Math.min(batchSize, inputs.size() - start);
            for (int i = 0; i < n; i++) {
                System.arraycopy(inputs.get(start + i), 0, batch, i * per, per);
            }
            INDArray out = graph.predict(FloatArrays.of(batch, batchSize, 3, h, w));
            for (int i = 0; i < n; i++) {
                scores[start + i] = score(model, out, i, targets.get(start + i));
            }
        }
        return scores;
    }

    /** Each pass's output is copied to Java once; its tables read that copy. */
    @Override
    public List<PredictionTable> predictInputs(List<float[]> inputs, int batchSize) {
        int h = inputHeight();
        int w = inputWidth();
        int per = 3 * h * w;
        DetectHead head = model.description().detect();
        YoloGraph graph = model.graph(new GraphSpec(batchSize, h, w, java.util.Set.of()));
        List<PredictionTable> tables = new ArrayList<>(inputs.size());
        for (int start = 0; start < inputs.size(); start += batchSize) {
            float[] batch = new float[batchSize * per];
            int n = Math.min(batchSize, inputs.size() - start);
            for (int i = 0; i < n; i++) {
                System.arraycopy(inputs.get(start + i), 0, batch, i * per, per);
            }
            INDArray out = graph.predict(FloatArrays.of(batch, batchSize, 3, h, w));
            int rows = head.rows(out.shape());
            float[] values = FloatArrays.values(out);
            for (int i = 0; i < n; i++) {
                tables.add(head.predictions(values, i * rows * head.valuesPerRow(), rows));
            }
        }
        return tables;
    }

    @Override
    public double[] scoreAblated(String layer, int[] channels, float[] values, int batchSize) {
        int h = inputHeight();
        int w = inputWidth();
        YoloGraph graph = model.graph(new GraphSpec(batchSize, h, w, java.util.Set.of(), java.util.Set.of(layer)));
        long c = graph.layer(layer).orElseThrow().shape()[1];
        INDArray images = Nd4j.create(input(), new long[] {1, 3, h, w}, DataType.FLOAT).repeat(0, batchSize);
        double[] scores = new double[channels.length];
        for (int start = 0; start < channels.length; start += batchSize) {
            int n = Math.min(batchSize, channels.length - start);
            float[] keep = new float[(int) (batchSize * c)];
            java.util.Arrays.fill(keep, 1f);
            float[] fill = new float[keep.length];
            for (int i = 0; i < n; i++) {
                keep[(int) (i * c + channels[start + i])] = 0f;
                fill[(int) (i * c + channels[start + i])] = values[start + i];
            }
            // The ablated channel of each item is scaled by 0 and shifted to its value.
            Map<String, INDArray> feeds = Map.of(
                    GraphSpec.editScale(layer), Nd4j.create(keep, new long[] {batchSize, c}, DataType.FLOAT),
                    GraphSpec.editShift(layer), Nd4j.create(fill, new long[] {batchSize, c}, DataType.FLOAT));
            INDArray out = graph.outputs(images, feeds, List.of(graph.outputName())).get(graph.outputName());
            for (int i = 0; i < n; i++) {
                scores[start + i] = score(model, out, i, target);
            }
        }
        return scores;
    }

    /** All factors in one batched forward + backward, each item seeded by the map's target on its own output. */
    @Override
    public List<float[]> gradientsAtScaledOutput(String layer, float[] factors) {
        int batch = factors.length;
        int h = inputHeight();
        int w = inputWidth();
        YoloGraph graph = model.graph(new GraphSpec(batch, h, w, java.util.Set.of(layer), java.util.Set.of(layer)));
        int c = (int) graph.layer(layer).orElseThrow().shape()[1];
        float[] scale = new float[batch * c];
        for (int i = 0; i < batch; i++) {
            java.util.Arrays.fill(scale, i * c, (i + 1) * c, factors[i]);
        }
        Map<String, INDArray> feeds = Map.of(
                GraphSpec.editScale(layer), Nd4j.create(scale, new long[] {batch, c}, DataType.FLOAT),
                GraphSpec.editShift(layer), Nd4j.zeros(DataType.FLOAT, batch, c));
        INDArray images = Nd4j.create(input(), new long[] {1, 3, h, w}, DataType.FLOAT).repeat(0, batch);
        DetectHead head = model.description().detect();
        INDArray gradient = graph.forwardBackward(images, feeds, List.of(), List.of(layer), raw -> {
            DetectOutput output = DetectOutput.of(head, raw);
            float[] seed = new float[output.values().length];
            for (int i = 0; i < batch; i++) {
                System.arraycopy(target.gradient(output.table(output.item(i))), 0, seed, i * output.perItem(),
                        output.perItem());
            }
            return FloatArrays.of(seed, raw.shape());
        }).getGradients().get(layer);
        List<float[]> out = new java.util.ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            out.add(FloatArrays.values(dev.yolocam.detect.ImageBatch.item(gradient, i)));
        }
        return out;
    }

    @Override
    public Optional<float[]> layerBias(String layer) {
        return model.outputBias(layer);
    }

    /** The target's value on image {@code item} of a (batched) Detect output of {@code model}. */
    static double score(YoloModel model, INDArray output, int item, Target target) {
        DetectHead head = model.description().detect();
        INDArray one = output.get(NDArrayIndex.point(item), NDArrayIndex.all(), NDArrayIndex.all());
        return target.value(head.predictions(FloatArrays.values(one), 0, head.rows(output.shape())));
    }
}
