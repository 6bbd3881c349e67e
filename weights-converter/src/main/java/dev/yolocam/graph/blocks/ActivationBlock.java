package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.List;
import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SDVariable;

/** An element-wise activation module; the registry gives one per PyTorch class (SiLU, ReLU, LeakyReLU, ...). */
public final class ActivationBlock implements BlockBuilder {
    private final BiFunction<ModuleNode, SDVariable, SDVariable> function;

    public ActivationBlock(BiFunction<ModuleNode, SDVariable, SDVariable> function) {
        this.function = function;
    }

    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value x = inputs.get(0);
        return ctx.emit(node, x.with(function.apply(node, x.var())));
    }
}
