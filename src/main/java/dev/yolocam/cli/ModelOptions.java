package dev.yolocam.cli;

import dev.yolocam.detect.Letterbox;
import dev.yolocam.errors.UsageException;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** --weights, --cfg, --imgsz, --device: which model, and at what input size. Shared by every command. */
public final class ModelOptions {
    @Option(names = {"-w", "--weights"}, paramLabel = "FILE",
            description = "YOLOv5 checkpoint (.pt) or converted model (.yolocam). Default: the embedded shapes model.")
    Path weights;

    @Option(names = "--cfg", paramLabel = "YAML",
            description = "Model YAML, needed when the checkpoint holds only a state_dict.")
    Path cfg;

    @Option(names = "--imgsz", arity = "1..2", paramLabel = "N",
            description = "Inference size: one value (square) or height width; rounded up to the model stride. "
                    + "Default: 640 (320 for the embedded model).")
    int[] imgsz;

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "Compute device; cuda needs a build with the CUDA backend (mvn -Pcuda). Default: ${DEFAULT-VALUE}.")
    String device;

    /** Checks every option of this group, then loads the model. */
    public YoloModel load() {
        imgsz();
        Device.require(device);
        return ModelLoader.load(weightsPath(), Optional.ofNullable(cfg));
    }

    public Path weightsPath() {
        return weights != null ? weights : DefaultAssets.model();
    }

    public boolean usesDefaultModel() {
        return weights == null;
    }

    public int[] imgsz() {
        if (imgsz != null) {
            for (int v : imgsz) {
                if (v < 32 || v > 8192) {
                    throw new UsageException("--imgsz must be between 32 and 8192, got " + v);
                }
            }
            return imgsz.clone();
        }
        return new int[] {usesDefaultModel() ? DefaultAssets.IMGSZ : 640};
    }

    /**
     * The input size the network runs, {height, width}: --imgsz rounded up to a multiple of the model's largest
     * stride, with one warning line when that changes a value (YOLOv5's check_img_size).
     */
    public int[] inputSize(YoloModel model, RunOptions run, PrintWriter err) {
        int[] requested = imgsz();
        int[] checked = Arrays.stream(requested).map(v -> Letterbox.checkImgSize(v, model.stride())).toArray();
        if (!Arrays.equals(requested, checked)) {
            run.warn(err, "--imgsz " + spaced(requested) + " must be a multiple of max stride " + model.stride()
                    + ", updating to " + spaced(checked));
        }
        return new int[] {checked[0], checked[checked.length - 1]};
    }

    private static String spaced(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }
}
