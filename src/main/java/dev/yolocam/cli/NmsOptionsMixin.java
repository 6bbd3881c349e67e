package dev.yolocam.cli;

import dev.yolocam.detect.NmsOptions;
import dev.yolocam.errors.UsageException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** --conf, --iou, --max-det, --classes: which detections NMS keeps (the model family's upstream defaults). */
public final class NmsOptionsMixin {
    @Option(names = "--conf", paramLabel = "C", defaultValue = "0.25",
            description = "Confidence threshold. Default: ${DEFAULT-VALUE}.")
    double conf;

    @Option(names = "--iou", paramLabel = "I",
            description = "NMS IoU threshold. Default: the family's upstream default, 0.45 for YOLOv5, 0.7 for "
                    + "YOLOv8/YOLO11.")
    Double iou;

    @Option(names = "--max-det", paramLabel = "M", defaultValue = "300",
            description = "Maximum detections per image. Default: ${DEFAULT-VALUE}.")
    int maxDet;

    @Option(names = "--classes", arity = "1..*", paramLabel = "NAME",
            description = "Keep only these classes (names or ids).")
    List<String> classes;

    /** The options for a model whose upstream predictor uses {@code defaultIou} when --iou is not given. */
    public NmsOptions toOptions(List<String> classNames, double defaultIou) {
        double iou = this.iou != null ? this.iou : defaultIou;
        if (!(conf >= 0 && conf <= 1)) {
            throw new UsageException("--conf must be between 0 and 1, got " + conf);
        }
        if (!(iou >= 0 && iou <= 1)) {
            throw new UsageException("--iou must be between 0 and 1, got " + iou);
        }
        if (maxDet < 1) {
            throw new UsageException("--max-det must be at least 1, got " + maxDet);
        }
        NmsOptions options = NmsOptions.defaults().withConfThreshold(conf).withIouThreshold(iou).withMaxDet(maxDet);
        return classes == null ? options : options.withClasses(classIds(classNames));
    }

    private int[] classIds(List<String> classNames) {
        List<Integer> ids = new ArrayList<>();
        for (String c : classes) {
            int id = classNames.indexOf(c);
            if (id < 0 && c.matches("\\d+") && Integer.parseInt(c) < classNames.size()) {
                id = Integer.parseInt(c);
            }
            if (id < 0) {
                throw new UsageException("--classes: unknown class '" + c + "'; this model has " + classNames);
            }
            ids.add(id);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
