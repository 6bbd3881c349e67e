package dev.yolocam.torch.yaml;

import java.util.ArrayList;
import java.util.List;

/** YOLOv5 v7.0 {@code models.yolo.Detect(nc=80, anchors=(), ch=(), inplace=True)}. */
final class DetectHeads {
    static final String DETECT = "models.yolo.Detect";

    private final TorchModules nn;

    DetectHeads(TorchModules nn) {
        this.nn = nn;
    }

    /**
     * The Detect module: attributes nc, no, nl, na, grid, anchor_grid, inplace; buffer {@code anchors} (nl, na, 2);
     * child {@code m}, one 1x1 Conv2d with bias per input. The stride is set later, by the dry run.
     */
    Block detect(Args a) {
        long nc = a.integer(0, "nc");
        List<List<?>> anchors = anchorRows(a.get(1, List.of()));
        List<Long> ch = channels(a.get(2, List.of()));
        long no = nc + 5;
        long nl = anchors.size();
        long na = anchors.get(0).size() / 2;
        List<Object> emptyGrids = new ArrayList<>();
        for (int i = 0; i < nl; i++) {
            emptyGrids.add(SmallTensors.empty("empty")); // grid/anchor_grid before the first inference
        }
        List<ModuleSpec> convs = new ArrayList<>();
        for (long c : ch) {
            convs.add(nn.conv2d(c, no * na, Pair.of(1), Pair.of(1), Pair.of(0), Pair.of(1), 1, true));
        }
        ModuleSpec detect = new ModuleSpec(DETECT, nn.ids().next())
                .attribute("nc", nc)
                .attribute("no", no)
                .attribute("nl", nl)
                .attribute("na", na)
                .attribute("grid", emptyGrids)
                .attribute("anchor_grid", new ArrayList<>(emptyGrids))
                .buffer("anchors", nl, na, 2)
                .child("m", nn.moduleList(convs))
                .attribute("inplace", a.get(3, Boolean.TRUE));
        return new Block(detect, 0, SpatialRule.SAME);
    }

    private static List<List<?>> anchorRows(Object anchors) {
        if (anchors instanceof List<?> rows && !rows.isEmpty() && rows.stream().allMatch(r -> r instanceof List<?>)) {
            List<List<?>> out = new ArrayList<>();
            for (Object r : rows) {
                out.add((List<?>) r);
            }
            if (out.get(0).size() / 2 == 0) {
                throw new IllegalArgumentException("Detect needs at least one anchor per level");
            }
            return out;
        }
        throw new IllegalArgumentException("Detect anchors must be a list of per-level lists, not " + anchors);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> channels(Object ch) {
        return (List<Long>) ch;
    }
}
