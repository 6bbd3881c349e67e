package dev.yolocam.torch.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of YOLOv5 v7.0 {@code models/common.py}, built with the same sub-modules, names, registration order
 * and channel arithmetic as their Python constructors. Each method takes the constructor's positional arguments.
 */
final class CommonBlocks {
    private static final String COMMON = "models.common.";

    private final TorchModules nn;
    private final ConvBlocks convs;

    /**
     * @param defaultAct {@code Conv.default_act}: SiLU, or what the YAML's {@code activation:} evaluated to. One
     *                   object shared by every Conv whose {@code act} is True.
     */
    CommonBlocks(TorchModules nn, ActivationSpec defaultAct) {
        this.nn = nn;
        this.convs = new ConvBlocks(nn, defaultAct);
    }

    /** {@code Conv(c1, c2, k=1, s=1, p=None, g=1, d=1, act=True)}. */
    Block conv(Args a) {
        return conv("Conv", a.integer(0, "c1"), a.integer(1, "c2"), a.get(2, 1L), a.get(3, 1L), a.get(4, null),
                a.integer(5, "g", 1), a.integer(6, "d", 1), a.get(7, Boolean.TRUE));
    }

    /** {@code DWConv(c1, c2, k=1, s=1, d=1, act=True)}: a Conv with {@code g=math.gcd(c1, c2)}. */
    Block dwConv(Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        return conv("DWConv", c1, c2, a.get(2, 1L), a.get(3, 1L), null, ConvBlocks.gcd(c1, c2),
                a.integer(4, "d", 1), a.get(5, Boolean.TRUE));
    }

    /** {@code Bottleneck(c1, c2, shortcut=True, g=1, e=0.5)}. */
    Block bottleneck(Args a) {
        return bottleneck(a.integer(0, "c1"), a.integer(1, "c2"), a.get(2, Boolean.TRUE), a.integer(3, "g", 1),
                a.number(4, "e", 0.5));
    }

    /** {@code BottleneckCSP(c1, c2, n=1, shortcut=True, g=1, e=0.5)}. */
    Block bottleneckCsp(Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        long c = ConvBlocks.hidden(c2, a.number(5, "e", 0.5));
        ModuleSpec csp = new ModuleSpec(COMMON + "BottleneckCSP", nn.ids().next())
                .child("cv1", conv(c1, c, 1).module())
                .child("cv2", nn.conv2d(c1, c, Pair.of(1), Pair.of(1), Pair.of(0), Pair.of(1), 1, false))
                .child("cv3", nn.conv2d(c, c, Pair.of(1), Pair.of(1), Pair.of(0), Pair.of(1), 1, false))
                .child("cv4", conv(2 * c, c2, 1).module())
                .child("bn", nn.batchNorm2d(2 * c))
                .child("act", nn.silu())
                .child("m", repeatedBottlenecks(c, a.integer(2, "n", 1), a.get(3, Boolean.TRUE), a.integer(4, "g", 1)));
        return new Block(csp, c2, SpatialRule.SAME);
    }

    /** {@code C3(c1, c2, n=1, shortcut=True, g=1, e=0.5)}. */
    Block c3(Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        long c = ConvBlocks.hidden(c2, a.number(5, "e", 0.5));
        ModuleSpec c3 = new ModuleSpec(COMMON + "C3", nn.ids().next())
                .child("cv1", conv(c1, c, 1).module())
                .child("cv2", conv(c1, c, 1).module())
                .child("cv3", conv(2 * c, c2, 1).module())
                .child("m", repeatedBottlenecks(c, a.integer(2, "n", 1), a.get(3, Boolean.TRUE), a.integer(4, "g", 1)));
        return new Block(c3, c2, SpatialRule.SAME);
    }

    /** {@code SPP(c1, c2, k=(5, 9, 13))}. */
    Block spp(Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        List<Long> kernels = kernelList(a.get(2, List.of(5L, 9L, 13L)));
        long c = c1 / 2;
        List<ModuleSpec> pools = new ArrayList<>();
        for (long k : kernels) {
            pools.add(nn.maxPool2d(k, 1, k / 2));
        }
        ModuleSpec spp = new ModuleSpec(COMMON + "SPP", nn.ids().next())
                .child("cv1", conv(c1, c, 1).module())
                .child("cv2", conv(c * (kernels.size() + 1), c2, 1).module())
                .child("m", nn.moduleList(pools));
        return new Block(spp, c2, SpatialRule.of(x -> {
            for (long k : kernels) {
                x.requireSame(x.pooled(k), "SPP");
            }
            return x;
        }));
    }

    /** {@code SPPF(c1, c2, k=5)}. */
    Block sppf(Args a) {
        return convs.sppf(COMMON + "SPPF", COMMON + "Conv", a);
    }

    /** {@code Focus(c1, c2, k=1, s=1, p=None, g=1, act=True)}: space-to-depth, then a Conv on 4*c1 channels. */
    Block focus(Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        Block conv = conv("Conv", c1 * 4, c2, a.get(2, 1L), a.get(3, 1L), a.get(4, null), a.integer(5, "g", 1), 1,
                a.get(6, Boolean.TRUE));
        ModuleSpec focus = new ModuleSpec(COMMON + "Focus", nn.ids().next()).child("conv", conv.module());
        SpatialRule spaceToDepth = SpatialRule.of(x -> {
            if (x.h() % 2 != 0 || x.w() % 2 != 0) {
                throw new IllegalArgumentException("Focus needs an even input size, got " + x);
            }
            return new Spatial(x.h() / 2, x.w() / 2);
        });
        return new Block(focus, c2, conv.spatial().after(spaceToDepth));
    }

    /** {@code Concat(dimension=1)}; output channels are worked out by parse_model. */
    Block concat(Args a, long outChannels) {
        long d = a.integer(0, "dimension", 1);
        ModuleSpec concat = new ModuleSpec(COMMON + "Concat", nn.ids().next()).attribute("d", d);
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

    private Block conv(long c1, long c2, long k) {
        return conv("Conv", c1, c2, k, 1L, null, 1, 1, Boolean.TRUE);
    }

    private Block conv(String className, long c1, long c2, Object k, Object s, Object p, long g, long d, Object act) {
        return convs.conv(COMMON + className, c1, c2, k, s, p, g, d, act);
    }

    private Block bottleneck(long c1, long c2, Object shortcut, long g, double e) {
        long c = ConvBlocks.hidden(c2, e);
        // `shortcut and c1 == c2`: a falsy shortcut is the value itself
        Object add = Args.truthy(shortcut) ? Boolean.valueOf(c1 == c2) : shortcut;
        ModuleSpec bottleneck = new ModuleSpec(COMMON + "Bottleneck", nn.ids().next())
                .child("cv1", conv(c1, c, 1).module())
                .child("cv2", conv("Conv", c, c2, 3L, 1L, null, g, 1, Boolean.TRUE).module())
                .attribute("add", add);
        return new Block(bottleneck, c2, SpatialRule.SAME);
    }

    private ModuleSpec repeatedBottlenecks(long c, long n, Object shortcut, long g) {
        List<ModuleSpec> items = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            items.add(bottleneck(c, c, shortcut, g, 1.0).module());
        }
        return nn.sequential(items);
    }

    private static List<Long> kernelList(Object value) {
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof Long)) {
            return list.stream().map(x -> (Long) x).toList();
        }
        throw new IllegalArgumentException("SPP kernel sizes must be a list of ints, not " + value);
    }
}
