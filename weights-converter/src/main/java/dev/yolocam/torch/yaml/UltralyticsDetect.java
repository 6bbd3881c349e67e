package dev.yolocam.torch.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Ultralytics 8.3.166 {@code nn/modules/head.py Detect(nc=80, ch=())}, the anchor-free head of YOLOv8 and YOLO11,
 * with its {@code DFL}.
 */
final class UltralyticsDetect {
    static final String DETECT = "ultralytics.nn.modules.head.Detect";
    static final long REG_MAX = 16;

    private final TorchModules nn;
    private final UltralyticsBlocks blocks;

    UltralyticsDetect(TorchModules nn, UltralyticsBlocks blocks) {
        this.nn = nn;
        this.blocks = blocks;
    }

    /**
     * The Detect module: attributes nc, nl, reg_max, no; per input level a box branch {@code cv2} and a class
     * branch {@code cv3}; {@code dfl}. The stride is set later, by the dry run.
     *
     * @param legacy the class attribute {@code Detect.legacy} parse_model set: true for YAMLs without C3k2
     *               (YOLOv8), whose class branch is two 3x3 Convs; false for YOLO11's depthwise-separable one
     */
    Block detect(Args a, boolean legacy) {
        if (a.size() != 2) {
            throw new IllegalArgumentException("Detect takes the class count and the input channels, Detect(nc, ch); "
                    + "got " + (a.size() - 1) + " yaml arguments");
        }
        long nc = a.integer(0, "nc");
        List<Long> ch = channels(a.get(1, null));
        long c2 = Math.max(Math.max(16, Math.floorDiv(ch.get(0), 4)), REG_MAX * 4);
        long c3 = Math.max(ch.get(0), Math.min(nc, 100));
        List<ModuleSpec> box = new ArrayList<>();
        List<ModuleSpec> cls = new ArrayList<>();
        for (long x : ch) {
            box.add(nn.sequential(List.of(blocks.conv(x, c2, 3).module(), blocks.conv(c2, c2, 3).module(),
                    outputConv(c2, 4 * REG_MAX))));
            cls.add(legacy ? legacyClassBranch(x, c3, nc) : classBranch(x, c3, nc));
        }
        ModuleSpec detect = new ModuleSpec(DETECT, nn.ids().next())
                .attribute("nc", nc)
                .attribute("nl", (long) ch.size())
                .attribute("reg_max", REG_MAX)
                .attribute("no", nc + REG_MAX * 4)
                .child("cv2", nn.moduleList(box))
                .child("cv3", nn.moduleList(cls))
                .child("dfl", dfl(REG_MAX));
        return new Block(detect, 0, SpatialRule.SAME);
    }

    /** {@code Sequential(Conv(x, c3, 3), Conv(c3, c3, 3), Conv2d(c3, nc, 1))}. */
    private ModuleSpec legacyClassBranch(long x, long c3, long nc) {
        return nn.sequential(List.of(blocks.conv(x, c3, 3).module(), blocks.conv(c3, c3, 3).module(),
                outputConv(c3, nc)));
    }

    /**
     * {@code Sequential(Sequential(DWConv(x, x, 3), Conv(x, c3, 1)), Sequential(DWConv(c3, c3, 3), Conv(c3, c3, 1)),
     * Conv2d(c3, nc, 1))}.
     */
    private ModuleSpec classBranch(long x, long c3, long nc) {
        ModuleSpec first = nn.sequential(List.of(blocks.dwConv(x, x, 3L, 1L, 1, Boolean.TRUE).module(),
                blocks.conv(x, c3, 1).module()));
        ModuleSpec second = nn.sequential(List.of(blocks.dwConv(c3, c3, 3L, 1L, 1, Boolean.TRUE).module(),
                blocks.conv(c3, c3, 1).module()));
        return nn.sequential(List.of(first, second, outputConv(c3, nc)));
    }

    /** {@code nn.Conv2d(c1, c2, 1)}: with a bias. */
    private ModuleSpec outputConv(long c1, long c2) {
        return nn.conv2d(c1, c2, Pair.of(1), Pair.of(1), Pair.of(0), Pair.of(1), 1, true);
    }

    /**
     * {@code DFL(c1)}: {@code conv = Conv2d(c1, 1, 1, bias=False)} whose weight upstream fixes to
     * {@code 0, 1, ..., c1 - 1} (it is in the state_dict like any parameter), and {@code c1}.
     */
    private ModuleSpec dfl(long c1) {
        return new ModuleSpec(UltralyticsModule.BLOCK_PY + "DFL", nn.ids().next())
                .child("conv", nn.conv2d(c1, 1, Pair.of(1), Pair.of(1), Pair.of(0), Pair.of(1), 1, false))
                .attribute("c1", c1);
    }

    private static List<Long> channels(Object ch) {
        if (ch instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof Long)) {
            return list.stream().map(x -> (Long) x).toList();
        }
        throw new IllegalArgumentException("Detect needs the channels of at least one input, not " + ch);
    }
}
