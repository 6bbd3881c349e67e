package dev.yolocam.cam;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Counts passes by watching executed ops: a forward pass runs the first convolution ({@code model.0.conv}) once,
 * a backward pass produces the gradient of the watched variable ({@code <variable>-grad}) once.
 */
final class PassCounter extends BaseListener {
    private final String gradientOf;
    int forwards;
    int backwards;

    PassCounter(String gradientOf) {
        this.gradientOf = gradientOf + "-grad";
    }

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext ctx,
                            INDArray[] outputs) {
        if (op.getOutputsOfOp().contains("model.0.conv")) {
            forwards++;
        }
        if (op.getOutputsOfOp().contains(gradientOf)) {
            backwards++;
        }
    }
}
