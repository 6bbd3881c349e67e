package dev.yolocam.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** Records what the session executes; attach as a listener for one pass. */
final class PassRecorder extends BaseListener {
    private final List<RecordedPass.Execution> executions = new ArrayList<>();
    private SameDiff executed;
    private boolean unsupported;

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext ctx,
                            INDArray[] outputs) {
        executed = sd;
        List<String> inputNames = op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
        if (ctx == null || ctx.numInputArguments() != inputNames.size()
                || outputs.length != op.getOutputsOfOp().size()) {
            unsupported = true;
            return;
        }
        executions.add(new RecordedPass.Execution(op, List.copyOf(inputNames), new ArrayList<>(ctx.getInputArrays()),
                List.copyOf(op.getOutputsOfOp()), List.of(outputs),
                ctx.getIArguments().stream().mapToLong(Long::longValue).toArray(),
                ctx.getTArguments().stream().mapToDouble(Double::doubleValue).toArray(),
                booleans(ctx.getBArguments()), ctx.getDArguments().toArray(new DataType[0])));
    }

    private static boolean[] booleans(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /**
     * The replay of what was recorded, or empty when it cannot be reproduced.
     *
     * @param placeholderNames the graph's placeholders fed on every pass
     * @param resultNames      the arrays a pass returns (never reused inside the pass)
     */
    Optional<RecordedPass> replay(Collection<String> placeholderNames, Collection<String> resultNames) {
        if (unsupported || executed == null || executions.isEmpty()) {
            return Optional.empty();
        }
        return RecordedPass.plan(executed, executions, Set.copyOf(placeholderNames), Set.copyOf(resultNames));
    }
}
