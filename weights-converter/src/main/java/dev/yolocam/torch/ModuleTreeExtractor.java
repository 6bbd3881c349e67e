package dev.yolocam.torch;

import dev.yolocam.errors.CheckpointException;
import dev.yolocam.errors.UnsafeCheckpointException;
import dev.yolocam.errors.UnsupportedModelException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the unpickled top-level object into a {@link Checkpoint}: picks the model as YOLOv5 does
 * ({@code ckpt.get('ema') or ckpt['model']}), walks its {@code _modules} into a {@link ModuleNode} tree, or
 * recognises a plain state_dict; the remaining top-level entries become metadata.
 */
final class ModuleTreeExtractor {
    /** nn.Module's own bookkeeping in {@code __dict__}: not attributes of the layer. */
    private static final Set<String> TORCH_BOOKKEEPING = Set.of("training", "_parameters", "_buffers", "_modules",
            "_non_persistent_buffers_set", "_backward_hooks", "_backward_pre_hooks", "_forward_hooks",
            "_forward_hooks_with_kwargs", "_forward_hooks_always_called", "_forward_pre_hooks",
            "_forward_pre_hooks_with_kwargs", "_state_dict_hooks", "_state_dict_pre_hooks",
            "_load_state_dict_pre_hooks", "_load_state_dict_post_hooks", "_is_full_backward_hook");
    /** Far deeper than any YOLOv5 model (about 5 levels); bounds the recursion. */
    private static final int MAX_MODULE_DEPTH = 100;

    private final Path file;
    private final ReaderLimits limits;
    private final PlainData plainData;
    private final Map<PyObject, Integer> instanceIds = new IdentityHashMap<>();
    private final Set<PyObject> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
    private int moduleCount;

    ModuleTreeExtractor(Path file, ReaderLimits limits) {
        this.file = file;
        this.limits = limits;
        this.plainData = new PlainData(file);
    }

    Checkpoint extract(Object top, List<String> pickleGlobals) {
        if (top instanceof Map<?, ?> dict) {
            return fromDict(dict, pickleGlobals);
        }
        if (isModule(top)) {
            return withModel((PyObject) top, "the pickled object", Map.of(), pickleGlobals);
        }
        throw new UnsupportedModelException(file, notACheckpoint() + ": the pickle holds a "
                + PyTypes.name(top) + ", not a checkpoint dict or model");
    }

    private Checkpoint fromDict(Map<?, ?> dict, List<String> pickleGlobals) {
        if (dict.containsKey("model") || dict.containsKey("ema")) {
            Object ema = dict.get("ema");
            String key = ema != null ? "ema" : "model";
            Object chosen = dict.get(key);
            Map<String, Object> metadata = metadata(dict, Set.of("model", "ema"));
            if (isModule(chosen)) {
                return withModel((PyObject) chosen, "'" + key + "'", metadata, pickleGlobals);
            }
            if (isStateDict(chosen)) {
                return withStateDict((Map<?, ?>) chosen, metadata, pickleGlobals);
            }
            throw new UnsupportedModelException(file, notACheckpoint() + ": its '" + key + "' entry is a "
                    + PyTypes.name(chosen) + ", not a model or state_dict");
        }
        if (isStateDict(dict.get("state_dict"))) {
            return withStateDict((Map<?, ?>) dict.get("state_dict"), metadata(dict, Set.of("state_dict")),
                    pickleGlobals);
        }
        if (isStateDict(dict)) {
            return withStateDict(dict, Map.of(), pickleGlobals);
        }
        throw new UnsupportedModelException(file, notACheckpoint() + ": the pickled dict has no 'model', 'ema' "
                + "or 'state_dict' entry and is not a state_dict");
    }

    private Checkpoint withModel(PyObject model, String where, Map<String, Object> metadata,
                                 List<String> pickleGlobals) {
        if (!ModelFamilies.REGISTERED.isModelClass(model.pythonClass())) {
            throw new UnsupportedModelException(file, notACheckpoint() + ": " + where + " is a "
                    + model.pythonClass() + ", not a " + ModelFamilies.REGISTERED.names() + " detection model ("
                    + ModelFamilies.REGISTERED.usualModelClasses() + ")");
        }
        ModuleNode root = node(model, "", 0);
        return new Checkpoint(file, Optional.of(root), Map.of(), metadata, pickleGlobals);
    }

    private Checkpoint withStateDict(Map<?, ?> stateDict, Map<String, Object> metadata, List<String> pickleGlobals) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        stateDict.forEach((name, tensor) -> tensors.put((String) name, (TensorData) tensor));
        return new Checkpoint(file, Optional.empty(), Collections.unmodifiableMap(tensors), metadata, pickleGlobals);
    }

    private Map<String, Object> metadata(Map<?, ?> dict, Set<String> modelKeys) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : dict.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!modelKeys.contains(key)) {
                metadata.put(key, plainData.copy(entry.getValue(), "metadata " + SafeText.quote(key)));
            }
        }
        return Collections.unmodifiableMap(metadata);
    }

    private ModuleNode node(PyObject module, String path, int depth) {
        String where = path.isEmpty() ? "the root module" : "module " + path;
        if (++moduleCount > limits.maxModules()) {
            throw new UnsafeCheckpointException(file, "the model has more than " + limits.maxModules()
                    + " module nodes (limit)");
        }
        if (depth > MAX_MODULE_DEPTH) {
            throw new UnsafeCheckpointException(file, where + " is nested deeper than " + MAX_MODULE_DEPTH
                    + " modules");
        }
        if (!ancestors.add(module)) {
            throw new CheckpointException(file, where + " contains itself");
        }
        Map<?, ?> dict = module.state() instanceof Map<?, ?> state ? state : Map.of();
        Map<String, ModuleNode> children = new LinkedHashMap<>();
        mapEntry(dict, "_modules", where).forEach((name, child) -> {
            String childName = segment(name, where);
            if (child == null) {
                return;
            }
            if (!isModule(child)) {
                throw new CheckpointException(file, where + " has a submodule " + SafeText.quote(childName)
                        + " that is a " + PyTypes.name(child) + ", not a module");
            }
            String childPath = path.isEmpty() ? childName : path + "." + childName;
            children.put(childName, node((PyObject) child, childPath, depth + 1));
        });
        ancestors.remove(module);
        Map<String, Object> attributes = new LinkedHashMap<>();
        dict.forEach((name, value) -> {
            if (name instanceof String attribute && !TORCH_BOOKKEEPING.contains(attribute)) {
                attributes.put(attribute, plainData.copy(value, "attribute " + attributeName(path, attribute)));
            }
        });
        int instanceId = instanceIds.computeIfAbsent(module, m -> instanceIds.size());
        return new ModuleNode(path, module.pythonClass(), instanceId, attributes, tensors(dict, "_parameters", where),
                tensors(dict, "_buffers", where), children);
    }

    private Map<String, TensorData> tensors(Map<?, ?> dict, String entry, String where) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        mapEntry(dict, entry, where).forEach((name, tensor) -> {
            String tensorName = segment(name, where);
            if (tensor == null) {
                return;
            }
            if (!(tensor instanceof TensorData data)) {
                throw new CheckpointException(file, where + " has " + entry.substring(1, entry.length() - 1)
                        + " " + SafeText.quote(tensorName) + " that is a " + PyTypes.name(tensor) + ", not a tensor");
            }
            tensors.put(tensorName, data);
        });
        return tensors;
    }

    private Map<?, ?> mapEntry(Map<?, ?> dict, String entry, String where) {
        Object value = dict.get(entry);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new CheckpointException(file, where + " has " + entry + " of type " + PyTypes.name(value)
                    + ", not a dict");
        }
        return map;
    }

    /**
     * A name inside a module: a str without dots, since paths are dotted, and without control characters, since
     * paths end up in messages.
     */
    private String segment(Object name, String where) {
        if (!(name instanceof String text) || text.isEmpty() || text.contains(".") || !SafeText.isPrintable(text)) {
            throw new CheckpointException(file, where + " has an invalid member name "
                    + (name instanceof String s ? SafeText.quote(s) : "of type " + PyTypes.name(name)));
        }
        return text;
    }

    private static String attributeName(String path, String attribute) {
        return path.isEmpty() ? attribute : path + "." + attribute;
    }

    private static String notACheckpoint() {
        return "not a " + ModelFamilies.REGISTERED.names() + " checkpoint";
    }

    private static boolean isModule(Object value) {
        return value instanceof PyObject object && AllowedGlobals.isModuleClass(object.pythonClass());
    }

    private static boolean isStateDict(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return false;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String) || !(entry.getValue() instanceof TensorData)) {
                return false;
            }
        }
        return true;
    }
}
