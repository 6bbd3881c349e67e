package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.head.Yolov5DetectHead;
import dev.yolocam.graph.Value;
import dev.yolocam.torch.ModuleNode;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * YOLOv5 v6+/v7.0 {@code Detect} in inference mode. Per level k: 1x1 conv {@code <path>.m.k}, viewed as
 * (B, na, no, ny, nx) and permuted to (B, na, ny, nx, no) (named {@code <path>/level<k>}, the pre-sigmoid tensor),
 * then {@code xy = (sigmoid*2 + grid) * stride}, {@code wh = (sigmoid*2)^2 * anchor_px}, rows concatenated over
 * levels into (B, N, no): the module's output.
 */
public final class DetectBlock implements BlockBuilder {

    /** Name of the pre-sigmoid level tensor, as the oracle's {@code layer_<D>_<k>.npy}. */
    public static String levelName(String detectPath, int level) {
        return detectPath + "/level" + level;
    }

    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        Yolov5DetectHead head = Yolov5DetectHead.of(node, null);
        if (inputs.size() != head.levels()) {
            throw ctx.unsupported(node, "has " + head.levels() + " levels but " + inputs.size() + " inputs");
        }
        List<ModuleNode> convs = ctx.child(node, "m").childList();
        SameDiff sd = ctx.sd();
        long batch = ctx.spec().batch();
        int na = head.anchorsPerLevel();
        int no = head.outputsPerAnchor();
        List<SDVariable> levels = new ArrayList<>();
        long rows = 0;
        for (int k = 0; k < head.levels(); k++) {
            Value x = inputs.get(k);
            Value conv = ctx.build(convs.get(k), x);
            if (conv.channels() != (long) na * no) {
                throw ctx.unsupported(convs.get(k), "outputs " + conv.channels() + " channels, expected " + na * no);
            }
            long ny = conv.height();
            long nx = conv.width();
            // NHWC conv output (B, ny, nx, na*no), channel a*no + o -> (B, ny, nx, na, no) -> (B, na, ny, nx, no)
            SDVariable t = sd.permute(levelName(node.path(), k),
                    sd.reshape(conv.var(), batch, ny, nx, na, no), 0, 3, 1, 2, 4);
            SDVariable s = sd.nn().sigmoid(t);
            long[] end = {batch, na, ny, nx, 0};
            SDVariable xy = slice(sd, s, end, 0, 2);
            SDVariable wh = slice(sd, s, end, 2, 4);
            SDVariable conf = slice(sd, s, end, 4, no);
            SDVariable grid = ctx.constant(node, "grid" + k, grid(batch, na, ny, nx));
            SDVariable anchorGrid = ctx.constant(node, "anchor_grid" + k, anchorGrid(head, k, batch, ny, nx));
            xy = xy.mul(2.0).add(grid).mul((double) head.strides()[k]);
            SDVariable wh2 = wh.mul(2.0);
            wh = wh2.mul(wh2).mul(anchorGrid);
            long levelRows = na * ny * nx;
            levels.add(sd.reshape(sd.concat(4, xy, wh, conf), batch, levelRows, no));
            rows += levelRows;
        }
        SDVariable out = levels.size() == 1 ? levels.get(0) : sd.concat(1, levels.toArray(new SDVariable[0]));
        return ctx.emit(node, new Value(out, rows, no));
    }

    private static SDVariable slice(SameDiff sd, SDVariable s, long[] shape, long from, long to) {
        long[] begin = {0, 0, 0, 0, from};
        long[] end = shape.clone();
        end[4] = to;
        return sd.stridedSlice(s, begin, end, new long[] {1, 1, 1, 1, 1});
    }

    /** (x - 0.5, y - 0.5) for every cell, expanded to (B, na, ny, nx, 2), as v7.0's {@code _make_grid}. */
    private static org.nd4j.linalg.api.ndarray.INDArray grid(long batch, int na, long ny, long nx) {
        float[] g = new float[(int) (batch * na * ny * nx * 2)];
        int i = 0;
        for (long b = 0; b < batch; b++) {
            for (int a = 0; a < na; a++) {
                for (long y = 0; y < ny; y++) {
                    for (long x = 0; x < nx; x++) {
                        g[i++] = x - 0.5f;
                        g[i++] = y - 0.5f;
                    }
                }
            }
        }
        return Nd4j.create(g, new long[] {batch, na, ny, nx, 2}, DataType.FLOAT);
    }

    private static org.nd4j.linalg.api.ndarray.INDArray anchorGrid(Yolov5DetectHead head, int level, long batch, long ny,
                                                                  long nx) {
        int na = head.anchorsPerLevel();
        float[] g = new float[(int) (batch * na * ny * nx * 2)];
        int i = 0;
        for (long b = 0; b < batch; b++) {
            for (int a = 0; a < na; a++) {
                float w = head.anchorPixels(level, a, 0);
                float h = head.anchorPixels(level, a, 1);
                for (long c = 0; c < ny * nx; c++) {
                    g[i++] = w;
                    g[i++] = h;
                }
            }
        }
        return Nd4j.create(g, new long[] {batch, na, ny, nx, 2}, DataType.FLOAT);
    }
}
