package dev.yolocam.torch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code torch.nn.Module} of a checkpoint, as inert data: its Python class, its plain attributes, its
 * parameters and buffers, and its child modules in registration order. The whole model is a tree of these
 * (the "ModuleTree"); nothing here knows about ND4J.
 *
 * <p>Attribute values are plain Java data: {@code null} (None), Boolean, Long, Double, String, List (list or
 * tuple), Map (dict), TensorData, or {@link PyObject} for other allow-listed objects.
 */
public final class ModuleNode {
    private final String path;
    private final String pythonClass;
    private final int instanceId;
    private final Map<String, Object> attributes;
    private final Map<String, TensorData> parameters;
    private final Map<String, TensorData> buffers;
    private final Map<String, ModuleNode> children;

    public ModuleNode(String path, String pythonClass, int instanceId, Map<String, Object> attributes,
                      Map<String, TensorData> parameters, Map<String, TensorData> buffers,
                      Map<String, ModuleNode> children) {
        this.path = path;
        this.pythonClass = pythonClass;
        this.instanceId = instanceId;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
        this.children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    /** The state_dict-style path, e.g. {@code model.2.m.0.cv1}; the root DetectionModel has path "". */
    public String path() {
        return path;
    }

    /** The last path segment ("cv1"); "" for the root. */
    public String name() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** Fully qualified Python class, e.g. {@code models.common.Conv} or {@code torch.nn.modules.conv.Conv2d}. */
    public String pythonClass() {
        return pythonClass;
    }

    /** The class name without its module: {@code Conv}, {@code Conv2d}. */
    public String simpleClass() {
        int dot = pythonClass.lastIndexOf('.');
        return dot < 0 ? pythonClass : pythonClass.substring(dot + 1);
    }

    /**
     * Identity of the pickled object this node was read from: two nodes with the same id are the same Python
     * object reached through two paths (YOLOv5 v7.0 shares one SiLU between every Conv).
     */
    public int instanceId() {
        return instanceId;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    public Map<String, TensorData> parameters() {
        return parameters;
    }

    public Map<String, TensorData> buffers() {
        return buffers;
    }

    public Map<String, ModuleNode> children() {
        return children;
    }

    public List<ModuleNode> childList() {
        return new ArrayList<>(children.values());
    }

    public Optional<ModuleNode> child(String name) {
        return Optional.ofNullable(children.get(name));
    }

    /** The descendant at a relative dotted path ("m.0.cv1"), if present. */
    public Optional<ModuleNode> find(String relativePath) {
        ModuleNode node = this;
        for (String part : relativePath.split("\\.")) {
            node = node.children.get(part);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /** A parameter or buffer by name, parameters first. */
    public Optional<TensorData> tensor(String name) {
        TensorData t = parameters.get(name);
        return Optional.ofNullable(t != null ? t : buffers.get(name));
    }

    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public boolean hasAttribute(String name) {
        return attributes.containsKey(name);
    }

    /** Every node of this subtree in pre-order (this node first), children in registration order. */
    public List<ModuleNode> preOrder() {
        List<ModuleNode> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(ModuleNode node, List<ModuleNode> out) {
        out.add(node);
        for (ModuleNode child : node.children.values()) {
            collect(child, out);
        }
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(root)" : path) + " " + pythonClass;
    }
}
