package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Convolution;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.List;
import java.util.Optional;

/** A plain {@code nn.Conv2d} (BottleneckCSP's cv2/cv3, Detect's output convs). */
public final class Conv2dBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        return Convolution.emit(node, Optional.empty(), inputs.get(0), ctx);
    }
}
