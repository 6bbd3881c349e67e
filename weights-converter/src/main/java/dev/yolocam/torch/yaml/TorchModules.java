package dev.yolocam.torch.yaml;

import java.util.List;

/**
 * The {@code torch.nn} modules YOLOv5 blocks are made of, with the attributes torch 1.x gives them (after
 * YOLOv5's {@code initialize_weights}: BatchNorm eps 0.001 / momentum 0.03, activations inplace).
 */
final class TorchModules {
    private final InstanceIds ids;

    TorchModules(InstanceIds ids) {
        this.ids = ids;
    }

    /** The identities of every module this build creates, yolov5 ones included. */
    InstanceIds ids() {
        return ids;
    }

    /**
     * {@code nn.Conv2d(c1, c2, kernel, stride, padding, dilation=d, groups=g, bias=bias)}, including the private
     * {@code _reversed_padding_repeated_twice} every pickled Conv2d carries.
     */
    ModuleSpec conv2d(long c1, long c2, Pair kernel, Pair stride, Pair padding, Pair dilation, long groups,
                      boolean bias) {
        if (c1 % groups != 0 || c2 % groups != 0) {
            throw new IllegalArgumentException("Conv2d(" + c1 + ", " + c2 + ", groups=" + groups
                    + "): channels are not divisible by groups");
        }
        ModuleSpec conv = new ModuleSpec("torch.nn.modules.conv.Conv2d", ids.next())
                .attribute("in_channels", c1)
                .attribute("out_channels", c2)
                .attribute("kernel_size", kernel.asList())
                .attribute("stride", stride.asList())
                .attribute("padding", padding.asList())
                .attribute("dilation", dilation.asList())
                .attribute("transposed", Boolean.FALSE)
                .attribute("output_padding", List.of(0L, 0L))
                .attribute("groups", groups)
                .attribute("padding_mode", "zeros")
                .attribute("_reversed_padding_repeated_twice", List.of(padding.w(), padding.w(), padding.h(),
                        padding.h()))
                .parameter("weight", c2, c1 / groups, kernel.h(), kernel.w());
        if (bias) {
            conv.parameter("bias", c2);
        }
        return conv;
    }

    ModuleSpec batchNorm2d(long features) {
        return new ModuleSpec("torch.nn.modules.batchnorm.BatchNorm2d", ids.next())
                .attribute("num_features", features)
                .attribute("eps", 0.001)
                .attribute("momentum", 0.03)
                .attribute("affine", Boolean.TRUE)
                .attribute("track_running_stats", Boolean.TRUE)
                .parameter("weight", features)
                .parameter("bias", features)
                .buffer("running_mean", features)
                .buffer("running_var", features)
                .buffer("num_batches_tracked");
    }

    /** {@code nn.MaxPool2d(kernel_size=k, stride=1, padding=k // 2)}. */
    ModuleSpec maxPool2d(long kernel, long stride, long padding) {
        return new ModuleSpec("torch.nn.modules.pooling.MaxPool2d", ids.next())
                .attribute("kernel_size", kernel)
                .attribute("stride", stride)
                .attribute("padding", padding)
                .attribute("dilation", 1L)
                .attribute("return_indices", Boolean.FALSE)
                .attribute("ceil_mode", Boolean.FALSE);
    }

    /** {@code nn.Upsample(size, scale_factor, mode)}; torch stores the scale factor as a float. */
    ModuleSpec upsample(Object size, Double scaleFactor, String mode) {
        return new ModuleSpec("torch.nn.modules.upsampling.Upsample", ids.next())
                .attribute("name", "Upsample")
                .attribute("size", size)
                .attribute("scale_factor", scaleFactor)
                .attribute("mode", mode)
                .attribute("align_corners", null)
                .attribute("recompute_scale_factor", null);
    }

    /**
     * A model YAML's {@code nn.Upsample} layer, {@code nn.Upsample(size=None, scale_factor=None, mode='nearest')}
     * with positional arguments; only a scale factor is supported.
     */
    Block upsampleLayer(Args a, long channels) {
        Object size = a.get(0, null);
        Object factor = a.get(1, null);
        Object mode = a.get(2, "nearest");
        if (size != null || !(factor instanceof Number f) || f.doubleValue() <= 0 || !(mode instanceof String m)) {
            throw new IllegalArgumentException("only nn.Upsample(None, <scale factor>, <mode>) is supported");
        }
        double scale = f.doubleValue();
        return new Block(upsample(null, scale, m), channels, SpatialRule.of(x ->
                new Spatial((long) Math.floor(x.h() * scale), (long) Math.floor(x.w() * scale))));
    }

    /** The module an evaluated activation stands for; every use of one evaluation is the same instance. */
    ModuleSpec activation(ActivationSpec act) {
        ModuleSpec module = new ModuleSpec(act.pythonClass(), act.instanceId());
        act.attributes().forEach(module::attribute);
        return module;
    }

    ModuleSpec identity() {
        return new ModuleSpec("torch.nn.modules.linear.Identity", ids.next());
    }

    /** {@code nn.SiLU()} created on the spot (BottleneckCSP's own activation), inplace after initialize_weights. */
    ModuleSpec silu() {
        return new ModuleSpec("torch.nn.modules.activation.SiLU", ids.next()).attribute("inplace", Boolean.TRUE);
    }

    ModuleSpec sequential(List<ModuleSpec> items) {
        return container("torch.nn.modules.container.Sequential", items);
    }

    ModuleSpec moduleList(List<ModuleSpec> items) {
        return container("torch.nn.modules.container.ModuleList", items);
    }

    private ModuleSpec container(String pythonClass, List<ModuleSpec> items) {
        ModuleSpec container = new ModuleSpec(pythonClass, ids.next());
        for (int i = 0; i < items.size(); i++) {
            container.child(String.valueOf(i), items.get(i));
        }
        return container;
    }
}
