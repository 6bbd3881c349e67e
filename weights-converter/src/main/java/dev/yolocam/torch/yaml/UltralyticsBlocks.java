package dev.yolocam.torch.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of Ultralytics 8.3.166 {@code nn/modules/conv.py} and {@code block.py} that YOLOv8 and YOLO11 are made
 * of, with the sub-modules, names, registration order, instance attributes and channel arithmetic of their Python
 * constructors. The public-facing methods take the constructor's positional arguments.
 */
final class UltralyticsBlocks {
    private static final String CONV = UltralyticsModule.CONV_PY;
    private static final String BLOCK = UltralyticsModule.BLOCK_PY;
    private static final List<Object> KERNELS_3X3 = List.of(3L, 3L);

    private final TorchModules nn;
    private final ConvBlocks convs;

    UltralyticsBlocks(TorchModules nn, ActivationSpec defaultAct) {
        this.nn = nn;
        this.convs = new ConvBlocks(nn, defaultAct);
    }

    /** {@code Conv(c1, c2, k=1, s=1, p=None, g=1, d=1, act=True)}. */
    Block conv(Args a) {
        return convs.conv(CONV + "Conv", a.integer(0, "c1"), a.integer(1, "c2"), a.get(2, 1L), a.get(3, 1L),
                a.get(4, null), a.integer(5, "g", 1), a.integer(6, "d", 1), a.get(7, Boolean.TRUE));
    }

    /** {@code DWConv(c1, c2, k=1, s=1, d=1, act=True)}: a Conv with {@code g=math.gcd(c1, c2)}. */
    Block dwConv(Args a) {
        return dwConv(a.integer(0, "c1"), a.integer(1, "c2"), a.get(2, 1L), a.get(3, 1L), a.integer(4, "d", 1),
                a.get(5, Boolean.TRUE));
    }

    Block dwConv(long c1, long c2, Object k, Object s, long d, Object act) {
        return convs.conv(CONV + "DWConv", c1, c2, k, s, null, ConvBlocks.gcd(c1, c2), d, act);
    }

    /** {@code Conv(c1, c2, k)} with the default stride, padding, groups and activation. */
    Block conv(long c1, long c2, long k) {
        return conv(c1, c2, k, 1, Boolean.TRUE);
    }

    /** {@code Bottleneck(c1, c2, shortcut=True, g=1, k=(3, 3), e=0.5)}. */
    Block bottleneck(Args a) {
        Object k = a.get(4, KERNELS_3X3);
        if (!(k instanceof List<?> pair) || pair.size() != 2) {
            throw new IllegalArgumentException("Bottleneck(): k must be a pair of kernel sizes, not " + k);
        }
        return bottleneck(a.integer(0, "c1"), a.integer(1, "c2"), a.get(2, Boolean.TRUE), a.integer(3, "g", 1),
                pair.get(0), pair.get(1), a.number(5, "e", 0.5));
    }

    /** {@code C2f(c1, c2, n=1, shortcut=False, g=1, e=0.5)}. */
    Block c2f(Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        long n = a.integer(2, "n", 1);
        Object shortcut = a.get(3, Boolean.FALSE);
        long g = a.integer(4, "g", 1);
        long c = ConvBlocks.hidden(c2, a.number(5, "e", 0.5));
        List<ModuleSpec> blocks = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            blocks.add(bottleneck(c, c, shortcut, g, KERNELS_3X3, KERNELS_3X3, 1.0).module());
        }
        return new Block(c2fShell("C2f", c1, c2, c, n, nn.moduleList(blocks)), c2, SpatialRule.SAME);
    }

    /**
     * {@code C3k2(c1, c2, n=1, c3k=False, e=0.5, g=1, shortcut=True)}: a C2f whose blocks are
     * {@code C3k(c, c, 2, shortcut, g)} when c3k, else {@code Bottleneck(c, c, shortcut, g)} (k=(3, 3), e=0.5).
     */
    Block c3k2(Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        long n = a.integer(2, "n", 1);
        boolean c3k = Args.truthy(a.get(3, Boolean.FALSE));
        long c = ConvBlocks.hidden(c2, a.number(4, "e", 0.5));
        long g = a.integer(5, "g", 1);
        Object shortcut = a.get(6, Boolean.TRUE);
        List<ModuleSpec> blocks = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            blocks.add(c3k ? c3k(c, c, 2, shortcut, g, 0.5, 3) : bottleneck(c, c, shortcut, g, 3L, 3L, 0.5).module());
        }
        return new Block(c2fShell("C3k2", c1, c2, c, n, nn.moduleList(blocks)), c2, SpatialRule.SAME);
    }

    /** {@code C3(c1, c2, n=1, shortcut=True, g=1, e=0.5)}, its Bottlenecks with k=((1, 1), (3, 3)), e=1.0. */
    Block c3(Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        long n = a.integer(2, "n", 1);
        Object shortcut = a.get(3, Boolean.TRUE);
        long g = a.integer(4, "g", 1);
        long c = ConvBlocks.hidden(c2, a.number(5, "e", 0.5));
        List<ModuleSpec> blocks = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            blocks.add(bottleneck(c, c, shortcut, g, 1L, 3L, 1.0).module());
        }
        return new Block(c3Shell("C3", c1, c2, c, nn.sequential(blocks)), c2, SpatialRule.SAME);
    }

    /** {@code SPPF(c1, c2, k=5)}. */
    Block sppf(Args a) {
        return convs.sppf(BLOCK + "SPPF", CONV + "Conv", a);
    }

    /** {@code C2PSA(c1, c2, n=1, e=0.5)}: n {@code PSABlock(c, attn_ratio=0.5, num_heads=c // 64)}. */
    Block c2psa(Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        long n = a.integer(2, "n", 1);
        if (c1 != c2) {
            throw new IllegalArgumentException("C2PSA needs as many output as input channels, not " + c2 + " for "
                    + c1 + " (upstream asserts c1 == c2)");
        }
        long c = ConvBlocks.hidden(c1, a.number(3, "e", 0.5));
        ModuleSpec cv1 = conv(c1, 2 * c, 1).module();
        ModuleSpec cv2 = conv(2 * c, c1, 1).module();
        List<ModuleSpec> blocks = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            blocks.add(psaBlock(c, 0.5, Math.floorDiv(c, 64)));
        }
        ModuleSpec psa = new ModuleSpec(BLOCK + "C2PSA", nn.ids().next())
                .attribute("c", c)
                .child("cv1", cv1)
                .child("cv2", cv2)
                .child("m", nn.sequential(blocks));
        return new Block(psa, c1, SpatialRule.SAME);
    }

    /** {@code Concat(dimension=1)}; output channels are worked out by parse_model. */
    Block concat(Args a, long outChannels) {
        long d = a.integer(0, "dimension", 1);
        ModuleSpec concat = new ModuleSpec(CONV + "Concat", nn.ids().next()).attribute("d", d);
        return new Block(concat, outChannels, inputs -> {
            if (d != 1 && d != -3) {
                throw new IllegalArgumentException("Concat along dimension " + d + " is not supported");
            }
            for (Spatial s : inputs) {
                inputs.get(0).requireSame(s, "Concat");
            }
            return inputs.get(0);
        });
    }

    /** {@code Conv(c1, c2, k, s)} with the default padding, groups and the given act. */
    Block conv(long c1, long c2, long k, long s, Object act) {
        return convs.conv(CONV + "Conv", c1, c2, k, s, null, 1, 1, act);
    }

    /**
     * {@code Bottleneck(c1, c2, shortcut, g, k=(k0, k1), e)}: {@code cv1 = Conv(c1, c_, k0, 1)},
     * {@code cv2 = Conv(c_, c2, k1, 1, g=g)}, {@code add = shortcut and c1 == c2}.
     */
    private Block bottleneck(long c1, long c2, Object shortcut, long g, Object k0, Object k1, double e) {
        long c = ConvBlocks.hidden(c2, e);
        // `shortcut and c1 == c2`: a falsy shortcut is the value itself
        Object add = Args.truthy(shortcut) ? Boolean.valueOf(c1 == c2) : shortcut;
        ModuleSpec bottleneck = new ModuleSpec(BLOCK + "Bottleneck", nn.ids().next())
                .child("cv1", convs.conv(CONV + "Conv", c1, c, k0, 1L, null, 1, 1, Boolean.TRUE).module())
                .child("cv2", convs.conv(CONV + "Conv", c, c2, k1, 1L, null, g, 1, Boolean.TRUE).module())
                .attribute("add", add);
        return new Block(bottleneck, c2, SpatialRule.SAME);
    }

    /**
     * C2f's {@code __init__}: {@code c}, {@code cv1 = Conv(c1, 2c, 1, 1)}, {@code cv2 = Conv((2 + n)c, c2, 1)} and
     * {@code m}. C3k2 replaces C2f's Bottlenecks after the fact; the replaced list is never part of the model.
     */
    private ModuleSpec c2fShell(String name, long c1, long c2, long c, long n, ModuleSpec blocks) {
        ModuleSpec cv1 = conv(c1, 2 * c, 1).module();
        ModuleSpec cv2 = conv((2 + n) * c, c2, 1).module();
        return new ModuleSpec(BLOCK + name, nn.ids().next())
                .attribute("c", c)
                .child("cv1", cv1)
                .child("cv2", cv2)
                .child("m", blocks);
    }

    /** C3's {@code __init__}: {@code cv1, cv2 = Conv(c1, c_, 1, 1)}, {@code cv3 = Conv(2c_, c2, 1)}, {@code m}. */
    private ModuleSpec c3Shell(String name, long c1, long c2, long c, ModuleSpec blocks) {
        ModuleSpec cv1 = conv(c1, c, 1).module();
        ModuleSpec cv2 = conv(c1, c, 1).module();
        ModuleSpec cv3 = conv(2 * c, c2, 1).module();
        return new ModuleSpec(BLOCK + name, nn.ids().next())
                .child("cv1", cv1)
                .child("cv2", cv2)
                .child("cv3", cv3)
                .child("m", blocks);
    }

    /** {@code C3k(c1, c2, n, shortcut, g, e, k)}: a C3 whose n Bottlenecks use k=(k, k), e=1.0. */
    private ModuleSpec c3k(long c1, long c2, long n, Object shortcut, long g, double e, long k) {
        long c = ConvBlocks.hidden(c2, e);
        List<ModuleSpec> blocks = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            blocks.add(bottleneck(c, c, shortcut, g, k, k, 1.0).module());
        }
        return c3Shell("C3k", c1, c2, c, nn.sequential(blocks));
    }

    /**
     * {@code PSABlock(c, attn_ratio, num_heads, shortcut=True)}: {@code attn}, then
     * {@code ffn = Sequential(Conv(c, 2c, 1), Conv(2c, c, 1, act=False))}, {@code add = shortcut}.
     */
    private ModuleSpec psaBlock(long c, double attnRatio, long numHeads) {
        ModuleSpec attn = attention(c, numHeads, attnRatio);
        ModuleSpec ffn = nn.sequential(List.of(conv(c, 2 * c, 1).module(),
                conv(2 * c, c, 1, 1, Boolean.FALSE).module()));
        return new ModuleSpec(BLOCK + "PSABlock", nn.ids().next())
                .child("attn", attn)
                .child("ffn", ffn)
                .attribute("add", Boolean.TRUE);
    }

    /**
     * {@code Attention(dim, num_heads, attn_ratio)}: {@code head_dim = dim // num_heads},
     * {@code key_dim = int(head_dim * attn_ratio)}, {@code scale = key_dim ** -0.5}; qkv, proj and the depthwise
     * 3x3 positional encoding pe are Convs without activation.
     */
    private ModuleSpec attention(long dim, long numHeads, double attnRatio) {
        if (numHeads <= 0) {
            throw new IllegalArgumentException("C2PSA with " + dim + " hidden channels has " + numHeads
                    + " attention heads (num_heads = c // 64): it needs at least 64");
        }
        long headDim = Math.floorDiv(dim, numHeads);
        long keyDim = (long) (headDim * attnRatio);
        if (keyDim <= 0) {
            throw new IllegalArgumentException("Attention(" + dim + ", num_heads=" + numHeads + ") has key_dim 0");
        }
        long h = dim + keyDim * numHeads * 2;
        ModuleSpec qkv = conv(dim, h, 1, 1, Boolean.FALSE).module();
        ModuleSpec proj = conv(dim, dim, 1, 1, Boolean.FALSE).module();
        ModuleSpec pe = convs.conv(CONV + "Conv", dim, dim, 3L, 1L, null, dim, 1, Boolean.FALSE).module();
        return new ModuleSpec(BLOCK + "Attention", nn.ids().next())
                .attribute("num_heads", numHeads)
                .attribute("head_dim", headDim)
                .attribute("key_dim", keyDim)
                // Python's float pow; Math.pow gives the same double for every key_dim below 1277 (checked)
                .attribute("scale", Math.pow(keyDim, -0.5))
                .child("qkv", qkv)
                .child("proj", proj)
                .child("pe", pe);
    }
}
