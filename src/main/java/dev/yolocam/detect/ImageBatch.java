package dev.yolocam.detect;

import dev.yolocam.graph.FloatArrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Prepared images of one input shape that go through the network in one pass, stacked along the batch dimension.
 * Several images per pass cost much less per image than one pass each (per-op overhead and small-batch kernels).
 */
public record ImageBatch(List<Detector.Prepared> images) {
    public ImageBatch {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one image");
        }
        images = List.copyOf(images);
        LetterboxResult first = images.get(0).letterbox();
        for (Detector.Prepared p : images) {
            if (!sameShape(p, images.get(0))) {
                throw new IllegalArgumentException("images of one batch must share the input shape: "
                        + first.height() + "x" + first.width() + " and " + p.letterbox().height() + "x"
                        + p.letterbox().width());
            }
        }
    }

    public static ImageBatch of(Detector.Prepared... images) {
        return new ImageBatch(List.of(images));
    }

    /** Whether two images can share a batch. */
    public static boolean sameShape(Detector.Prepared a, Detector.Prepared b) {
        return a.letterbox().height() == b.letterbox().height() && a.letterbox().width() == b.letterbox().width();
    }

    public int size() {
        return images.size();
    }

    public Detector.Prepared get(int index) {
        return images.get(index);
    }

    public int height() {
        return images.get(0).letterbox().height();
    }

    public int width() {
        return images.get(0).letterbox().width();
    }

    /** The network input (B, 3, H, W). */
    public INDArray tensor() {
        int per = 3 * height() * width();
        float[] all = new float[size() * per];
        for (int i = 0; i < size(); i++) {
            System.arraycopy(images.get(i).letterbox().input(), 0, all, i * per, per);
        }
        return FloatArrays.of(all, size(), 3, height(), width());
    }

    /** Item {@code index} of a batched array, keeping the batch dimension (1, ...): a view, no copy. */
    public static INDArray item(INDArray batched, int index) {
        INDArrayIndex[] at = new INDArrayIndex[batched.rank()];
        at[0] = NDArrayIndex.interval(index, index + 1);
        for (int d = 1; d < at.length; d++) {
            at[d] = NDArrayIndex.all();
        }
        return batched.get(at);
    }
}
