package dev.yolocam.torch.yaml;

import dev.yolocam.torch.TensorData;
import java.util.ArrayList;
import java.util.List;

/**
 * YOLOv5 v7.0 {@code DetectionModel(cfg)}: the parsed layers, the Detect stride from the 256x256 dry run, and the
 * root attributes. As in v7.0, every Conv whose {@code act} is True shares one activation object; the root also
 * gets {@code nc} (as train.py attaches it) and the default names {@code ["0", "1", ...]}.
 */
final class Yolov5Model {
    private Yolov5Model() {
    }

    static DescribedModel describe(ModelYaml yaml) {
        InstanceIds ids = new InstanceIds();
        ModuleSpec root = new ModuleSpec("models.yolo.DetectionModel", ids.next());
        ParsedModel parsed = new ModelParser(yaml, ids).parse();
        ModuleSpec detect = parsed.detect(DetectHeads.DETECT, yaml::problem);
        TensorData stride = parsed.stride(yaml.layers(), yaml::problem);
        List<ModuleSpec> modules = parsed.modules();
        if (yaml.file() != null) {
            root.attribute("yaml_file", String.valueOf(yaml.file().getFileName()));
        }
        root.attribute("yaml", yaml.dict())
                .child("model", new TorchModules(ids).sequential(modules))
                .attribute("save", parsed.save())
                .attribute("names", defaultNames(yaml.nc()))
                .attribute("inplace", yaml.inplace())
                .attribute("stride", stride)
                .attribute("nc", yaml.nc());
        detect.attribute("inplace", yaml.inplace()).attribute("stride", stride);
        return new DescribedModel(root, yaml.file(), yaml.displayName());
    }

    /** {@code [str(i) for i in range(nc)]}. */
    private static List<String> defaultNames(long nc) {
        List<String> names = new ArrayList<>();
        for (long i = 0; i < nc; i++) {
            names.add(Long.toString(i));
        }
        return names;
    }
}
