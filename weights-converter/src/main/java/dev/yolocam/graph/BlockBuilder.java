package dev.yolocam.graph;

import dev.yolocam.torch.ModuleNode;
import java.util.List;

/**
 * Builds the SameDiff ops of one module type (registered in {@link BlockRegistry} by its Python class name).
 * A builder reads the module's attributes and tensors, builds its children through
 * {@link BuildContext#build(ModuleNode, Value)}, and returns its output through {@link BuildContext#emit}.
 */
@FunctionalInterface
public interface BlockBuilder {
    /**
     * @param node   the module
     * @param inputs its inputs: one for ordinary modules, several for Concat and Detect
     */
    Value build(ModuleNode node, List<Value> inputs, BuildContext ctx);
}
