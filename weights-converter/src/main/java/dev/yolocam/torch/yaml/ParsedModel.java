package dev.yolocam.torch.yaml;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.torch.TensorData;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code parse_model} returns: the layers (module + channels + spatial rule) in order, and {@code save}, the
 * sorted list of layer outputs that later layers reuse.
 */
record ParsedModel(List<Block> layers, List<Long> save) {

    /** The last layer's module, which must be of the family's Detect class. */
    ModuleSpec detect(String detectClass, Function<String, UnsupportedModelException> problem) {
        ModuleSpec detect = layers.get(layers.size() - 1).module();
        if (!detectClass.equals(detect.pythonClass())) {
            throw problem.apply("the last layer is " + detect.pythonClass() + ", not Detect: not a detection model");
        }
        return detect;
    }

    /** The Detect strides from the same 256x256 dry run upstream does, as the float32 {@code stride} tensor. */
    TensorData stride(List<LayerSpec> specs, Function<String, UnsupportedModelException> problem) {
        try {
            return SmallTensors.float32("stride", StrideDryRun.strides(layers, specs));
        } catch (IllegalArgumentException e) {
            throw problem.apply(e.getMessage());
        }
    }

    /** The layers' modules, in order: the children of the model's {@code Sequential}. */
    List<ModuleSpec> modules() {
        return layers.stream().map(Block::module).toList();
    }
}
