package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.Values;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** {@code Concat}: inputs joined along the channel dimension, in the order of the YAML {@code from} list. */
public final class ConcatBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Object d = node.attributes().get("d");
        if (!(d instanceof Number n) || n.intValue() != 1) {
            throw ctx.unsupported(node, "only concatenation along channels (d=1) is supported, got d=" + d);
        }
        Value first = inputs.get(0);
        for (Value input : inputs) {
            if (input.height() != first.height() || input.width() != first.width()) {
                throw ctx.unsupported(node, "joins feature maps of different sizes (" + first.height() + "x"
                        + first.width() + " and " + input.height() + "x" + input.width() + "): the layers it reads "
                        + "do not fit together");
            }
        }
        return ctx.emit(node, Values.concatChannels(ctx, inputs));
    }
}
