package dev.yolocam.torch.yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module as the YAML describes it, before its tensors are read from the state_dict: Python class, attributes,
 * the shapes its parameters and buffers must have, and its children in registration order. It does not know its
 * path; {@link StateDictBinder} gives it one.
 */
final class ModuleSpec {
    private final String pythonClass;
    private final int instanceId;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Map<String, long[]> parameters = new LinkedHashMap<>();
    private final Map<String, long[]> buffers = new LinkedHashMap<>();
    private final Map<String, ModuleSpec> children = new LinkedHashMap<>();

    ModuleSpec(String pythonClass, int instanceId) {
        this.pythonClass = pythonClass;
        this.instanceId = instanceId;
    }

    String pythonClass() {
        return pythonClass;
    }

    int instanceId() {
        return instanceId;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    Map<String, long[]> parameters() {
        return parameters;
    }

    Map<String, long[]> buffers() {
        return buffers;
    }

    Map<String, ModuleSpec> children() {
        return children;
    }

    ModuleSpec attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    ModuleSpec parameter(String name, long... shape) {
        parameters.put(name, shape);
        return this;
    }

    ModuleSpec buffer(String name, long... shape) {
        buffers.put(name, shape);
        return this;
    }

    ModuleSpec child(String name, ModuleSpec child) {
        children.put(name, child);
        return this;
    }

    /** {@code sum(x.numel() for x in module.parameters())}. */
    long parameterCount() {
        long n = 0;
        for (long[] shape : parameters.values()) {
            long numel = 1;
            for (long d : shape) {
                numel *= d;
            }
            n += numel;
        }
        for (ModuleSpec child : children.values()) {
            n += child.parameterCount();
        }
        return n;
    }
}
