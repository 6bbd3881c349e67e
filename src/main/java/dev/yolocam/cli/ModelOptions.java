package dev.yolocam.cli;

import dev.yolocam.detect.InputSize;
import dev.yolocam.errors.StateDictOnlyException;
import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.errors.UsageException;
import dev.yolocam.model.ModelLoader;
import dev.yolocam.model.YoloModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** --weights, --cfg, --imgsz, --device: which model, and at what input size. Shared by every command. */
public final class ModelOptions {
    @Mixin
    WeightsOption weights;

    @Option(names = "--cfg", paramLabel = "YAML",
            description = "Model YAML, needed when the checkpoint holds only a state_dict.")
    Path cfg;

    @Option(names = "--imgsz", arity = "1..2", paramLabel = "N",
            description = "Inference size: one value (square) or height width; rounded up to the model stride. "
                    + "Default: the size an Ultralytics checkpoint was trained at (as its predict), else 640 (320 "
                    + "for the embedded model).")
    int[] imgsz;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu", converter = Device.Names.class,
            completionCandidates = Device.Names.class,
            description = "Compute device: ${COMPLETION-CANDIDATES}; cuda needs a build with the CUDA backend "
                    + "(mvn -Pcuda). Default: ${DEFAULT-VALUE}.")
    Device device;

    /** Checks every option of this group, then loads the model. */
    public YoloModel load() {
        requestedSize();
        device.require();
        try {
            return ModelLoader.load(weights.orDefault(), Optional.ofNullable(cfg));
        } catch (StateDictOnlyException e) {
            throw new UnsupportedModelException(e.file(), e.problem() + "; pass it with --cfg", e);
        }
    }

    /** --imgsz as given (checked), or empty for the model's default. */
    Optional<InputSize> requestedSize() {
        return imgsz == null ? Optional.empty() : Optional.of(imgsz(imgsz));
    }

    /**
     * --imgsz as given, or the default: the image size an Ultralytics checkpoint records as its predictor's
     * ({@code args.imgsz}, the training size), else 640 as detect.py, or 320 for the embedded model (trained at 320).
     */
    InputSize requestedSize(YoloModel model) {
        if (imgsz != null) {
            return imgsz(imgsz);
        }
        if (weights.given() == null) {
            return InputSize.square(DefaultAssets.IMGSZ);
        }
        return model.description().checkpointImageSize().filter(s -> IntStream.of(s).allMatch(InputSize::allows))
                .map(InputSize::of).orElse(InputSize.square(640));
    }

    /**
     * The input size the network runs: --imgsz rounded up to a multiple of the model's largest stride, with one
     * warning line when that changes a value (YOLOv5's check_img_size).
     */
    public InputSize inputSize(YoloModel model, RunOptions run, PrintWriter err) {
        InputSize requested = requestedSize(model);
        InputSize checked = requested.roundedUpTo(model.stride());
        if (!requested.equals(checked)) {
            run.warn(err, "--imgsz " + requested.text() + " must be a multiple of max stride " + model.stride()
                    + ", updating to " + checked.text());
        }
        return checked;
    }

    /** {@code --imgsz} values (one: a square; two: height and width), each side checked. */
    static InputSize imgsz(int... values) {
        for (int v : values) {
            if (!InputSize.allows(v)) {
                throw new UsageException("--imgsz must be between " + InputSize.MIN_SIDE + " and "
                        + InputSize.MAX_SIDE + ", got " + v);
            }
        }
        return InputSize.of(values);
    }
}
