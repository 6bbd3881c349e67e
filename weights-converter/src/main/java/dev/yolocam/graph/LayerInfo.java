package dev.yolocam.graph;

/**
 * One named output of the graph: a module path (as {@code print(model)} / {@code state_dict()} spell it), the
 * module's Python class, its output shape (batch first) and parameter count. {@code topLevelIndex} is the index
 * into the model's {@code model} list for top-level blocks, -1 otherwise. A module called more than once per
 * forward (SPPF's shared MaxPool) has one entry per call: {@code model.9.m}, {@code model.9.m#2}, ...
 */
public record LayerInfo(String path, String pythonClass, long[] shape, long parameters, int topLevelIndex) {
    public String simpleClass() {
        int dot = pythonClass.lastIndexOf('.');
        return dot < 0 ? pythonClass : pythonClass.substring(dot + 1);
    }

    /** Nesting depth below {@code model}: 0 for {@code model.3}, 2 for {@code model.2.m.0}. */
    public int depth() {
        String base = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
        return (int) base.chars().filter(c -> c == '.').count() - 1;
    }
}
