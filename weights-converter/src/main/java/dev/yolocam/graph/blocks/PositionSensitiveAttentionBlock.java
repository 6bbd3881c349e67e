package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/**
 * Ultralytics {@code PSABlock}: {@code x = x + attn(x)}, then {@code x = x + ffn(x)}; without the residual adds
 * when its {@code add} attribute is false.
 */
public final class PositionSensitiveAttentionBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        boolean add = Boolean.TRUE.equals(node.attributes().get("add"));
        Value x = inputs.get(0);
        x = residual(x, ctx.build(ctx.child(node, "attn"), x), add);
        x = residual(x, ctx.build(ctx.child(node, "ffn"), x), add);
        return ctx.emit(node, x);
    }

    private static Value residual(Value x, Value y, boolean add) {
        return add ? y.with(x.var().add(y.var())) : y;
    }
}
