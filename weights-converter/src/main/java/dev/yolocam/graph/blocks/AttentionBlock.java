package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Ultralytics {@code Attention} (inside PSABlock): {@code qkv(x)} viewed (B, heads, 2*key_dim + head_dim, HW) and
 * split into q, k, v; {@code attn = softmax((q^T k) * scale)} over the last axis; {@code proj(v attn^T + pe(v))}
 * with {@code pe} a depthwise 3x3 conv of v seen as a (B, C, H, W) map.
 *
 * <p>The graph is NHWC, so it works on the transposes: a pixel's qkv channels are (head, 2*key_dim + head_dim)
 * in C order, giving (B*heads, HW, 2*key_dim + head_dim) rows of which q^T, k^T, v^T are column ranges;
 * {@code (v attn^T)^T = attn v^T} is (B*heads, HW, head_dim), whose (head, head_dim) channels are again NHWC's.
 */
public final class AttentionBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Value x = inputs.get(0);
        long heads = positive(node, "num_heads", ctx);
        long keyDim = positive(node, "key_dim", ctx);
        long headDim = positive(node, "head_dim", ctx);
        if (!(node.attributes().get("scale") instanceof Number scale)) {
            throw ctx.unsupported(node, "attribute 'scale' missing or not a number");
        }
        long channels = x.channels();
        if (heads * headDim != channels) {
            throw ctx.unsupported(node, heads + " heads of " + headDim + " channels for an input of " + channels);
        }
        Value qkv = ctx.build(ctx.child(node, "qkv"), x);
        long perHead = 2 * keyDim + headDim;
        if (qkv.channels() != heads * perHead) {
            throw ctx.unsupported(node, "qkv gives " + qkv.channels() + " channels, expected " + heads * perHead);
        }
        SameDiff sd = ctx.sd();
        long batch = ctx.spec().batch();
        long pixels = x.height() * x.width();
        SDVariable rows = sd.reshape(sd.permute(sd.reshape(qkv.var(), batch, pixels, heads, perHead), 0, 2, 1, 3),
                batch * heads, pixels, perHead);
        SDVariable qT = columns(sd, rows, batch * heads, pixels, 0, keyDim);
        SDVariable kT = columns(sd, rows, batch * heads, pixels, keyDim, 2 * keyDim);
        SDVariable vT = columns(sd, rows, batch * heads, pixels, 2 * keyDim, perHead);
        SDVariable scores = sd.mmul(qT, kT, false, true, false).mul(scale.floatValue());
        SDVariable attn = sd.nn().softmax(scores, 2);
        SDVariable attended = sd.mmul(attn, vT);
        Value v = Value.map(toMap(sd, vT, batch, heads, x), channels, x.height(), x.width());
        Value pe = ctx.build(ctx.child(node, "pe"), v);
        Value sum = pe.with(toMap(sd, attended, batch, heads, x).add(pe.var()));
        return ctx.emit(node, ctx.build(ctx.child(node, "proj"), sum));
    }

    /** (B*heads, HW, d) -> NHWC (B, H, W, heads*d), channel = head*d + i as PyTorch's {@code view(B, C, H, W)}. */
    private static SDVariable toMap(SameDiff sd, SDVariable perHead, long batch, long heads, Value like) {
        long pixels = like.height() * like.width();
        SDVariable split = sd.reshape(perHead, batch, heads, pixels, like.channels() / heads);
        return sd.reshape(sd.permute(split, 0, 2, 1, 3), batch, like.height(), like.width(), like.channels());
    }

    private static SDVariable columns(SameDiff sd, SDVariable rows, long groups, long pixels, long from, long to) {
        return sd.stridedSlice(rows, new long[] {0, 0, from}, new long[] {groups, pixels, to}, new long[] {1, 1, 1});
    }

    private static long positive(ModuleNode node, String name, BuildContext ctx) {
        if (node.attributes().get(name) instanceof Number n && n.longValue() > 0 && n.longValue() < 100_000) {
            return n.longValue();
        }
        throw ctx.unsupported(node, "attribute '" + name + "' missing or invalid: " + node.attributes().get(name));
    }
}
