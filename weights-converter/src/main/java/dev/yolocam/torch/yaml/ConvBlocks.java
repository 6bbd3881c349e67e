package dev.yolocam.torch.yaml;

/**
 * The {@code Conv} block YOLOv5 v7.0 ({@code models.common.Conv}) and Ultralytics 8.x
 * ({@code ultralytics.nn.modules.conv.Conv}) define identically: {@code Conv2d(c1, c2, k, s, autopad(k, p, d),
 * groups=g, dilation=d, bias=False)}, {@code BatchNorm2d(c2)}, then the activation. Subclasses (DWConv) differ only
 * in their Python class and arguments.
 */
final class ConvBlocks {
    private final TorchModules nn;
    private final ActivationSpec defaultAct;

    /**
     * @param defaultAct {@code Conv.default_act}: SiLU, or what the YAML's {@code activation:} evaluated to. One
     *                   object shared by every Conv whose {@code act} is True.
     */
    ConvBlocks(TorchModules nn, ActivationSpec defaultAct) {
        this.nn = nn;
        this.defaultAct = defaultAct;
    }

    /** {@code Conv(c1, c2, k, s, p, g, d, act)} as the Python class {@code pythonClass}. */
    Block conv(String pythonClass, long c1, long c2, Object k, Object s, Object p, long g, long d, Object act) {
        Pair kernel = Pair.of(k, "kernel size");
        Pair stride = Pair.of(s, "stride");
        Pair padding = autopad(kernel, p, d);
        Pair dilation = Pair.of(d);
        ModuleSpec conv = new ModuleSpec(pythonClass, nn.ids().next())
                .child("conv", nn.conv2d(c1, c2, kernel, stride, padding, dilation, g, false))
                .child("bn", nn.batchNorm2d(c2))
                .child("act", activation(act));
        return new Block(conv, c2, SpatialRule.of(x -> x.sliding(kernel, stride, padding, dilation)));
    }

    /**
     * {@code SPPF(c1, c2, k=5)}, which both families define alike in their own modules: {@code cv1} (c1 -> c1/2),
     * one {@code MaxPool2d(k, 1, k // 2)} applied three times, {@code cv2} (4 * c1/2 -> c2).
     */
    Block sppf(String sppfClass, String convClass, Args a) {
        long c1 = a.integer(0, "c1");
        long c2 = a.integer(1, "c2");
        long k = a.integer(2, "k", 5);
        long c = c1 / 2;
        ModuleSpec sppf = new ModuleSpec(sppfClass, nn.ids().next())
                .child("cv1", conv(convClass, c1, c, 1L, 1L, null, 1, 1, Boolean.TRUE).module())
                .child("cv2", conv(convClass, c * 4, c2, 1L, 1L, null, 1, 1, Boolean.TRUE).module())
                .child("m", nn.maxPool2d(k, 1, k / 2));
        return new Block(sppf, c2, SpatialRule.of(x -> x.requireSame(x.pooled(k), "SPPF")));
    }

    /** {@code int(c2 * e)}: the hidden channels of a block with expansion e. */
    static long hidden(long c2, double e) {
        return (long) (c2 * e);
    }

    /** {@code math.gcd(a, b)}: DWConv's groups. */
    static long gcd(long a, long b) {
        return b == 0 ? Math.abs(a) : gcd(b, a % b);
    }

    /** {@code self.default_act if act is True else act if isinstance(act, nn.Module) else nn.Identity()}. */
    private ModuleSpec activation(Object act) {
        if (Boolean.TRUE.equals(act)) {
            return nn.activation(defaultAct);
        }
        if (act instanceof ActivationSpec module) {
            return nn.activation(module);
        }
        return nn.identity();
    }

    /** {@code autopad(k, p, d)}: 'same' padding from the dilated kernel unless p is given. */
    private static Pair autopad(Pair kernel, Object p, long d) {
        if (p != null) {
            return Pair.of(p, "padding");
        }
        long kh = d > 1 ? d * (kernel.h() - 1) + 1 : kernel.h();
        long kw = d > 1 ? d * (kernel.w() - 1) + 1 : kernel.w();
        return new Pair(Math.floorDiv(kh, 2), Math.floorDiv(kw, 2));
    }
}
