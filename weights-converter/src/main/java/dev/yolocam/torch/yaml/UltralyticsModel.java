package dev.yolocam.torch.yaml;

import dev.yolocam.torch.TensorData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ultralytics 8.3.166 {@code DetectionModel(cfg, ch, nc)} as a saved checkpoint holds it: the parsed layers, the
 * Detect stride from the 256x256 dry run, the root attributes ({@code yaml, save, names, inplace, end2end, stride},
 * and {@code nc} as the trainer attaches it), and on Detect {@code inplace}, {@code stride} and the empty
 * {@code anchors} / {@code strides} tensors every saved model carries ({@code BaseModel._apply} sets them as
 * instance attributes when the trainer converts the model to half precision).
 */
final class UltralyticsModel {
    private UltralyticsModel() {
    }

    static DescribedModel describe(UltralyticsYaml yaml) {
        InstanceIds ids = new InstanceIds();
        ModuleSpec root = new ModuleSpec("ultralytics.nn.tasks.DetectionModel", ids.next());
        ParsedModel parsed = new UltralyticsParser(yaml, ids).parse();
        ModuleSpec detect = parsed.detect(UltralyticsDetect.DETECT, yaml::problem);
        TensorData stride = parsed.stride(yaml.layers(), yaml::problem);
        List<ModuleSpec> modules = parsed.modules();
        root.attribute("yaml", yaml.dict())
                .child("model", new TorchModules(ids).sequential(modules))
                .attribute("save", parsed.save())
                .attribute("names", defaultNames(yaml.nc()))
                .attribute("inplace", yaml.inplace())
                .attribute("end2end", Boolean.FALSE)
                .attribute("stride", stride)
                .attribute("nc", yaml.nc());
        detect.attribute("inplace", yaml.inplace())
                .attribute("stride", stride)
                .attribute("anchors", SmallTensors.empty("anchors"))
                .attribute("strides", SmallTensors.empty("strides"));
        return new DescribedModel(root, yaml.file(), yaml.displayName());
    }

    /** {@code {i: f"{i}" for i in range(nc)}}. */
    private static Map<Long, String> defaultNames(long nc) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (long i = 0; i < nc; i++) {
            names.put(i, Long.toString(i));
        }
        return names;
    }
}
