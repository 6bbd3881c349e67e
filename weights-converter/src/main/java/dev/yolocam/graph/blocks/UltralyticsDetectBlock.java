package dev.yolocam.graph.blocks;

import dev.yolocam.graph.BlockBuilder;
import dev.yolocam.graph.BuildContext;
import dev.yolocam.graph.Value;
import dev.yolocam.head.UltralyticsDetectHead;
import dev.yolocam.torch.ModuleNode;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Ultralytics 8.x anchor-free {@code Detect} (YOLOv8, YOLO11) in inference mode, in upstream's order of operations.
 * Per level k: {@code cat(cv2.k(x), cv3.k(x))}, the box DFL logits (4 sides x reg_max bins) then the class logits,
 * named {@code <path>/level<k>} ({@link DetectBlock#levelName}); that variable is NHWC (B, ny, nx, 4*reg_max + nc),
 * the transpose of upstream's (B, C, ny, nx). Levels are flattened (y-major, then x) into columns and concatenated
 * into (B, 4*reg_max + nc, N); {@code dfl} turns each side's bins into the expected distance (softmax, then the
 * weights of {@code dfl.conv}); boxes are {@code dist2bbox} xywh around the anchors (x + 0.5, y + 0.5), times the
 * column's stride; classes get a sigmoid. The module's output is upstream's {@code y}, (B, 4 + nc, N).
 */
public final class UltralyticsDetectBlock implements BlockBuilder {
    @Override
    public Value build(ModuleNode node, List<Value> inputs, BuildContext ctx) {
        UltralyticsDetectHead head = UltralyticsDetectHead.of(node, null);
        int levels = head.levels();
        if (inputs.size() != levels) {
            throw ctx.unsupported(node, "has " + levels + " levels but " + inputs.size() + " inputs");
        }
        List<ModuleNode> boxBranches = ctx.child(node, "cv2").childList();
        List<ModuleNode> classBranches = ctx.child(node, "cv3").childList();
        if (boxBranches.size() != levels || classBranches.size() != levels) {
            throw ctx.unsupported(node, "needs " + levels + " cv2 and cv3 branches, has " + boxBranches.size()
                    + " and " + classBranches.size());
        }
        SameDiff sd = ctx.sd();
        long batch = ctx.spec().batch();
        int boxChannels = 4 * head.regMax();
        int no = boxChannels + head.classes();
        List<SDVariable> columns = new ArrayList<>();
        long[][] grids = new long[levels][];
        for (int k = 0; k < levels; k++) {
            Value box = ctx.build(boxBranches.get(k), inputs.get(k));
            Value cls = ctx.build(classBranches.get(k), inputs.get(k));
            if (box.channels() != boxChannels || cls.channels() != head.classes()) {
                throw ctx.unsupported(node, "level " + k + " gives " + box.channels() + " box and " + cls.channels()
                        + " class channels, expected " + boxChannels + " and " + head.classes());
            }
            long ny = box.height();
            long nx = box.width();
            grids[k] = new long[] {ny, nx};
            SDVariable level = sd.concat(DetectBlock.levelName(node.path(), k), Value.CHANNEL_AXIS, box.var(),
                    cls.var());
            columns.add(sd.permute(sd.reshape(level, batch, ny * nx, no), 0, 2, 1));
        }
        SDVariable all = columns.size() == 1 ? columns.get(0) : sd.concat(2, columns.toArray(new SDVariable[0]));
        long n = 0;
        for (long[] grid : grids) {
            n += grid[0] * grid[1];
        }
        SDVariable boxLogits = rows(sd, all, batch, n, 0, boxChannels);
        SDVariable classLogits = rows(sd, all, batch, n, boxChannels, no);
        Value distances = distances(ctx.child(node, "dfl"), new Value(boxLogits, boxChannels, n), head.regMax(), ctx);
        SDVariable anchors = ctx.constant(node, "anchors", anchors(grids, n));
        SDVariable strides = ctx.constant(node, "strides", strides(grids, head.strides(), n));
        SDVariable lt = rows(sd, distances.var(), batch, n, 0, 2);
        SDVariable rb = rows(sd, distances.var(), batch, n, 2, 4);
        SDVariable x1y1 = anchors.sub(lt);
        SDVariable x2y2 = anchors.add(rb);
        SDVariable centre = x1y1.add(x2y2).div(2.0);
        SDVariable size = x2y2.sub(x1y1);
        SDVariable boxes = sd.concat(1, centre, size).mul(strides);
        SDVariable out = sd.concat(1, boxes, sd.nn().sigmoid(classLogits));
        return ctx.emit(node, new Value(out, 4 + head.classes(), n));
    }

    /**
     * {@code dfl}: per side, softmax over the bins, then the 1x1 conv with the module's weights (0..reg_max-1 as
     * upstream builds it); (B, 4, N), emitted as {@code <path>.dfl}. With reg_max 1 it is an Identity.
     */
    private static Value distances(ModuleNode dfl, Value logits, int regMax, BuildContext ctx) {
        if (!dfl.simpleClass().equals("DFL")) {
            return ctx.build(dfl, logits);
        }
        ModuleNode conv = ctx.child(dfl, "conv");
        float[] weights = ctx.tensor(conv, "weight").toFloats();
        if (weights.length != regMax || conv.tensor("bias").isPresent()) {
            throw ctx.unsupported(conv, "is not a " + regMax + "-bin expectation (weight of " + weights.length
                    + " values" + (conv.tensor("bias").isPresent() ? ", with a bias)" : ")"));
        }
        SameDiff sd = ctx.sd();
        long batch = ctx.spec().batch();
        long n = logits.shape()[1];
        SDVariable bins = sd.nn().softmax(sd.reshape(logits.var(), batch, 4, regMax, n), 2);
        SDVariable w = ctx.constant(conv, "weight", Nd4j.create(weights, new long[] {1, 1, regMax, 1},
                DataType.FLOAT));
        return ctx.emit(dfl, new Value(bins.mul(w).sum(2), 4, n));
    }

    private static SDVariable rows(SameDiff sd, SDVariable x, long batch, long n, long from, long to) {
        return sd.stridedSlice(x, new long[] {0, from, 0}, new long[] {batch, to, n}, new long[] {1, 1, 1});
    }

    /** {@code make_anchors(.., 0.5)}: (1, 2, N) cell centres (x + 0.5, y + 0.5) in grid units, levels y-major. */
    private static INDArray anchors(long[][] grids, long n) {
        float[] a = new float[(int) (2 * n)];
        int column = 0;
        for (long[] grid : grids) {
            for (long y = 0; y < grid[0]; y++) {
                for (long x = 0; x < grid[1]; x++) {
                    a[column] = x + 0.5f;
                    a[(int) n + column] = y + 0.5f;
                    column++;
                }
            }
        }
        return Nd4j.create(a, new long[] {1, 2, n}, DataType.FLOAT);
    }

    /** (1, 1, N): each column's level stride. */
    private static INDArray strides(long[][] grids, float[] levelStrides, long n) {
        float[] s = new float[(int) n];
        int column = 0;
        for (int k = 0; k < grids.length; k++) {
            for (long i = 0; i < grids[k][0] * grids[k][1]; i++) {
                s[column++] = levelStrides[k];
            }
        }
        return Nd4j.create(s, new long[] {1, 1, n}, DataType.FLOAT);
    }
}
