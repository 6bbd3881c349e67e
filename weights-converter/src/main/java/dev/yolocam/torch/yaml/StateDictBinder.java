package dev.yolocam.torch.yaml;

import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link ModuleSpec} tree into the {@link ModuleNode} tree a pickled model would give, taking every
 * parameter and buffer from the state_dict by its dotted path. Like {@code load_state_dict(strict=True)}, every
 * tensor the model has must be there with its shape, and the state_dict must hold nothing else.
 */
final class StateDictBinder {
    private final Map<String, TensorData> stateDict;
    private final Set<String> unused;

    StateDictBinder(Map<String, TensorData> stateDict) {
        this.stateDict = stateDict;
        this.unused = new LinkedHashSet<>(stateDict.keySet());
    }

    /**
     * @throws IllegalArgumentException saying which tensor is missing, misshapen or unexpected
     */
    ModuleNode bind(ModuleSpec root) {
        ModuleNode node = bind("", root);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("unexpected " + unused.iterator().next()
                    + (unused.size() > 1 ? " (and " + (unused.size() - 1) + " more keys)" : ""));
        }
        return node;
    }

    private ModuleNode bind(String path, ModuleSpec spec) {
        Map<String, ModuleNode> children = new LinkedHashMap<>();
        spec.children().forEach((name, child) -> children.put(name, bind(join(path, name), child)));
        return new ModuleNode(path, spec.pythonClass(), spec.instanceId(), spec.attributes(),
                tensors(path, spec.parameters()), tensors(path, spec.buffers()), children);
    }

    private Map<String, TensorData> tensors(String path, Map<String, long[]> shapes) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            String key = join(path, name);
            TensorData tensor = stateDict.get(key);
            if (tensor == null) {
                throw new IllegalArgumentException("missing " + key);
            }
            if (!Arrays.equals(tensor.shape(), shape)) {
                throw new IllegalArgumentException(key + " has shape " + Arrays.toString(tensor.shape())
                        + ", the yaml needs " + Arrays.toString(shape));
            }
            unused.remove(key);
            out.put(name, tensor);
        });
        return out;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
