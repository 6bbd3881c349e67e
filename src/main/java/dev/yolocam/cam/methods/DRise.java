package dev.yolocam.cam.methods;

import dev.yolocam.cam.CamMath;
import dev.yolocam.cam.CamOptions;
import dev.yolocam.cam.MapProgress;
import dev.yolocam.cam.MaskingCam;
import dev.yolocam.cam.ModelAccess;
import dev.yolocam.cam.Target;
import dev.yolocam.detect.Detection;
import dev.yolocam.head.PredictionTable;
import java.util.ArrayList;
import java.util.List;

/**
 * D-RISE (Petsiuk et al., "Black-box explanation of object detectors via saliency maps", CVPR 2021): the image is
 * multiplied by {@link CamOptions#masks()} random RISE masks ({@link RiseMasks}: a 16 x 16 grid, keep probability
 * 0.5, as D-RISE code for YOLOv3 sets them, with 5000 masks there; masked-out pixels become 0, {@code I . M}); each
 * masked copy runs through the detector, {@link CamOptions#batchSize()} copies per pass; a mask's weight for a
 * detection is its {@link DetectionSimilarity} to the masked copy's predictions; the map is the weighted sum of the
 * masks, min-max scaled. A target of several detections sums their weights (the sum of their maps before scaling).
 *
 * <p>Gradient-free and layer-free: {@code --layer} does not change the map. Every map of an image comes from the
 * same masks and passes, so per-detection maps cost no more passes than one. The target kinds ({@code --target})
 * do not enter the similarity, which is the paper's. Masks are made per batch and dropped after it: memory grows
 * with {@code --batch-size}, not with the number of masks.
 */
public final class DRise implements MaskingCam {
    /** Grid cells per side and keep probability, as D-RISE code for YOLOv3 sets them. */
    static final int CELLS = 16;
    static final double KEEP = 0.5;

    @Override
    public String name() {
        return "D-RISE";
    }

    @Override
    public List<String> aliases() {
        return List.of("DRISE");
    }

    @Override
    public String summary() {
        return "weighted sum of random masks, weight = similarity of the masked image's predictions to the "
                + "detection (black box; --masks forward passes per image)";
    }

    @Override
    public boolean perDetectionByDefault() {
        return true;
    }

    @Override
    public List<float[]> maps(List<Target> targets, ModelAccess model, CamOptions options, MapProgress progress) {
        int height = model.inputHeight();
        int width = model.inputWidth();
        int pixels = height * width;
        List<List<Detection>> boxes = targets.stream().map(t -> boxes(t, width)).toList();
        RiseMasks masks = new RiseMasks(height, width, CELLS, KEEP, options.seed());
        double[][] sums = new double[targets.size()][pixels];
        float[] input = model.input();
        int batchSize = Math.max(1, options.batchSize());
        for (int start = 0; start < options.masks(); start += batchSize) {
            int n = Math.min(batchSize, options.masks() - start);
            List<float[]> batch = new ArrayList<>(n);
            List<float[]> inputs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                float[] mask = masks.mask(start + i);
                batch.add(mask);
                inputs.add(masked(input, mask));
            }
            List<PredictionTable> tables = model.predictInputs(inputs, batchSize);
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < targets.size(); t++) {
                    double weight = 0;
                    for (Detection d : boxes.get(t)) {
                        weight += DetectionSimilarity.weight(d, tables.get(i));
                    }
                    accumulate(sums[t], batch.get(i), weight);
                }
            }
            progress.passed(start + n, options.masks());
        }
        List<float[]> maps = new ArrayList<>(targets.size());
        for (double[] sum : sums) {
            float[] map = new float[pixels];
            for (int p = 0; p < pixels; p++) {
                map[p] = (float) sum[p];
            }
            maps.add(CamMath.scale(map));
        }
        return maps;
    }

    /** The target's detections as boxes in the frame of its image (a mirrored target's boxes mirrored too). */
    private static List<Detection> boxes(Target target, int width) {
        if (!target.mirrored()) {
            return target.detections();
        }
        return target.detections().stream().map(d -> d.withBox(width - d.x2(), d.y1(), width - d.x1(), d.y2()))
                .toList();
    }

    /** The (3, H, W) image times the (H, W) mask in every channel. */
    static float[] masked(float[] input, float[] mask) {
        float[] out = new float[input.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = input[i] * mask[i % mask.length];
        }
        return out;
    }

    private static void accumulate(double[] sum, float[] mask, double weight) {
        if (weight == 0) {
            return;
        }
        for (int p = 0; p < sum.length; p++) {
            sum[p] += weight * mask[p];
        }
    }
}
