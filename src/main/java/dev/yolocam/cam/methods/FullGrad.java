package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.LayerTensors;
import dev.yolocam.cam.MapResize;
import dev.yolocam.cam.ModelAccess;
import dev.yolocam.cam.WholeModelCam;
import dev.yolocam.graph.GraphBuilder;
import dev.yolocam.graph.LayerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * FullGrad (Srinivas and Fleuret 2019) as pytorch-grad-cam (commit 084273b, {@code full_grad.py} with
 * {@code base_cam.py}) computes it. The requested target layers are ignored. Upstream, for one image of size
 * (H, W) and target T:
 * <pre>
 * target_layers = every module, recursively in registration order, whose type is exactly Conv2d or BatchNorm2d
 *                 and whose .bias is not None
 * bias(m)       = m.bias; for a BatchNorm2d: -(running_mean * weight / sqrt(running_var + eps)) + bias
 * forward with input.requires_grad, T.backward(); g_m = dT/d(output of m), g_x = dT/d(input)
 * terms  = scale_accross_batch_and_channels(|g_x * x|, (W, H))                  # 3 maps, one per RGB channel
 *        + [sum over c of scale_accross_batch_and_channels(|bias(m)[None, :, None, None] * g_m|, (W, H))
 *           for m in target_layers]                                            # one map per layer
 * eigen_smooth: every term scale_cam_image'd to (W // 8, H // 8), get_2d_projection over the terms,
 *               scale_cam_image'd back to (W, H)
 * otherwise:    the sum of all terms
 * aggregate_multi_layers (overridden): scale_cam_image(sum over its single channel): no ReLU, no mean
 * </pre>
 * {@code scale_accross_batch_and_channels} is {@code scale_cam_image} on every channel map: {@code x - min},
 * divided by {@code 1e-7 + max}, then {@code cv2.resize} to the input size.
 *
 * <p>In yolocam the model is the fused one detect.py runs: a Conv block's BatchNorm is folded into its conv, so the
 * bias layers are every Conv2d ({@code <block>.conv}, Detect's {@code model.<D>.m.<k>}, plain Conv2d modules) and
 * every stand-alone BatchNorm2d (BottleneckCSP's {@code bn}), with biases from {@link ModelAccess#layerBias}. A
 * Conv2d without a bias (BottleneckCSP's cv2 and cv3), which upstream leaves out, is tapped here with a zero bias:
 * its term is exactly zero, so the map is the same. The resize is linear, so a layer's channel maps are summed at
 * the layer's resolution and resized once: upstream's sum of resized maps up to float rounding, at a fraction of
 * the cost. {@link #layerMap} is that per-layer term before the resize.
 */
public final class FullGrad implements WholeModelCam {
    private static final Set<String> BIAS_LAYER_CLASSES = Set.of("Conv2d", "BatchNorm2d");
    /** eigen_smooth projects the terms at 1/8 of the input size. */
    private static final int EIGEN_DOWNSCALE = 8;

    @Override
    public String name() {
        return "FullGrad";
    }

    @Override
    public String summary() {
        return "|input x gradient| plus |bias x gradient| of every conv, summed (chooses its own layers)";
    }

    @Override
    public boolean usesGradients() {
        return true;
    }

    /** The input tap, then every Conv2d and BatchNorm2d output of the model. */
    @Override
    public List<String> layers(List<LayerInfo> allLayers) {
        List<String> layers = new ArrayList<>();
        layers.add(GraphBuilder.INPUT_TAP);
        for (LayerInfo layer : allLayers) {
            if (BIAS_LAYER_CLASSES.contains(layer.simpleClass())) {
                layers.add(layer.path());
            }
        }
        return layers;
    }

    /**
     * One term at the layer's resolution, before the resize to the input: the channel sum of the min-max scaled
     * {@code |bias_c * G_c|}, or of {@code |A_c * G_c|} at {@link GraphBuilder#INPUT_TAP}; zero for a layer
     * without a bias. {@code eigenSmooth} applies to the combination only.
     */
    @Override
    public float[] layerMap(LayerTensors tensors, boolean eigenSmooth, ModelAccess model, CamOptions options) {
        int pixels = tensors.pixels();
        double[] sum = new double[pixels];
        for (float[] channel : scaledChannels(tensors, model)) {
            for (int i = 0; i < pixels; i++) {
                sum[i] += channel[i];
            }
        }
        float[] out = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            out[i] = (float) sum[i];
        }
        return out;
    }

    @Override
    public float[] combine(List<LayerTensors> tensors, boolean eigenSmooth, ModelAccess model) {
        int height = model.inputHeight();
        int width = model.inputWidth();
        List<float[]> terms = new ArrayList<>();
        for (LayerTensors t : tensors) {
            if (t.layer().equals(GraphBuilder.INPUT_TAP)) {
                for (float[] channel : scaledChannels(t, model)) {
                    terms.add(MapResize.bilinear(channel, t.height(), t.width(), height, width));
                }
            } else {
                terms.add(MapResize.bilinear(layerMap(t, eigenSmooth, model, null), t.height(), t.width(),
                        height, width));
            }
        }
        return eigenSmooth ? projected(terms, height, width) : CamMath.scale(sum(terms));
    }

    /** Upstream's eigen_smooth branch: the terms as channels of a (terms, H/8, W/8) tensor, projected. */
    private static float[] projected(List<float[]> terms, int height, int width) {
        int h = height / EIGEN_DOWNSCALE;
        int w = width / EIGEN_DOWNSCALE;
        float[] stack = new float[terms.size() * h * w];
        for (int k = 0; k < terms.size(); k++) {
            float[] small = CamMath.scaleCam(terms.get(k), height, width, h, w);
            System.arraycopy(small, 0, stack, k * h * w, h * w);
        }
        float[] projection = CamMath.projection(stack, terms.size(), h, w);
        return CamMath.scale(CamMath.scaleCam(projection, h, w, height, width));
    }

    /** {@code scale_cam_image} without resizing of every channel of {@code |bias_c * G_c|} (or {@code |A_c G_c|}). */
    private List<float[]> scaledChannels(LayerTensors tensors, ModelAccess model) {
        float[] gradient = tensors.gradient();
        if (gradient == null) {
            throw new IllegalArgumentException(name() + " needs the gradient of layer " + tensors.layer());
        }
        boolean input = tensors.layer().equals(GraphBuilder.INPUT_TAP);
        float[] bias = input ? null : model.layerBias(tensors.layer()).orElse(null);
        if (bias != null && bias.length != tensors.channels()) {
            throw new IllegalArgumentException("layer " + tensors.layer() + " has " + tensors.channels()
                    + " channels but a bias of " + bias.length);
        }
        int pixels = tensors.pixels();
        List<float[]> channels = new ArrayList<>(tensors.channels());
        for (int c = 0; c < tensors.channels(); c++) {
            float[] product = new float[pixels];
            if (input || bias != null) {
                for (int i = 0; i < pixels; i++) {
                    float factor = input ? tensors.activation()[c * pixels + i] : bias[c];
                    product[i] = Math.abs(factor * gradient[c * pixels + i]);
                }
            }
            channels.add(CamMath.scale(product));
        }
        return channels;
    }

    private static float[] sum(List<float[]> maps) {
        double[] total = new double[maps.get(0).length];
        for (float[] map : maps) {
            for (int i = 0; i < total.length; i++) {
                total[i] += map[i];
            }
        }
        float[] out = new float[total.length];
        for (int i = 0; i < total.length; i++) {
            out[i] = (float) total[i];
        }
        return out;
    }
}
