package dev.yolocam.torch;

import java.util.List;
import java.util.Map;

/**
 * An instance of an allow-listed Python class that is not a module or tensor (e.g. a {@code set}, a
 * {@code torch.Size}, a {@code pathlib} path in {@code opt}): its class name, constructor arguments and state,
 * kept as inert data. Nothing is ever executed to build it.
 */
public record PyObject(String pythonClass, List<Object> args, Object state) {
    public Map<?, ?> stateDict() {
        return state instanceof Map<?, ?> m ? m : Map.of();
    }
}
