package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.graph.BatchNorms;
import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** A stand-alone eval-mode {@code nn.BatchNorm2d} (the one over BottleneckCSP's concat, which fuse() keeps). */
public final class BatchNorm2dBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        return BatchNorms.emit(node, inputs.get(0), ctx);
    }
}
