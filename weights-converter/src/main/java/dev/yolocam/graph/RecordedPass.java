package dev.yolocam.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One pass of a SameDiff graph as the session executed it, replayed without the session. Our graphs have fixed
 * shapes and no control flow, so the ops, their arguments and every array's shape are the same on every pass: the
 * replay executes the recorded ops in order on arrays allocated once (an array is reused by a later op once its
 * last reader has run), with one op context per op set up once. That removes the session's per-op work (dependency
 * tracking, shape functions, allocation; ~100 ms of a 350 ms YOLOv5s pass at 640) and, because nothing new is
 * allocated per pass, the native garbage that only a Java collection frees.
 *
 * <p>A recording the replay cannot reproduce (an input whose source it cannot tell) yields no replay; the caller
 * keeps using the session.
 */
final class RecordedPass {
    private final List<Step> steps;
    private final Map<String, INDArray> placeholders;
    private final Map<String, INDArray> results;
    private final SameDiff sd;

    private RecordedPass(SameDiff sd, List<Step> steps, Map<String, INDArray> placeholders,
                         Map<String, INDArray> results) {
        this.sd = sd;
        this.steps = steps;
        this.placeholders = placeholders;
        this.results = results;
    }

    /** One recorded op: what ran, on which named inputs, with which arguments, producing which arrays. */
    record Execution(SameDiffOp op, List<String> inputNames, List<INDArray> inputs, List<String> outputNames,
                     List<INDArray> outputs, long[] iArgs, double[] tArgs, boolean[] bArgs, DataType[] dArgs) {
    }

    /** The replay of {@code executions}, as a {@link PassRecorder} recorded them, or empty when it cannot be. */
    static Optional<RecordedPass> plan(SameDiff sd, List<Execution> executions, Set<String> placeholderNames,
                                       Set<String> resultNames) {
        return new Planner(sd, executions, placeholderNames, resultNames).plan();
    }

    /**
     * Runs the pass. {@code afterOutput} is called with the array named {@code watched} as soon as it is computed
     * and returns the value to copy into the placeholder {@code seedPlaceholder} (null for none: a forward pass).
     *
     * @return the result arrays, detached copies the caller owns
     */
    Map<String, INDArray> run(Map<String, INDArray> feeds, String watched, String seedPlaceholder,
                              UnaryOperator<INDArray> afterOutput, List<Listener> observers) {
        for (Map.Entry<String, INDArray> p : placeholders.entrySet()) {
            INDArray fed = feeds.get(p.getKey());
            if (fed != null) {
                p.getValue().assign(fed);
            }
        }
        At at = At.defaultAt(Operation.INFERENCE);
        for (Step step : steps) {
            for (Listener observer : observers) {
                if (observer.isActive(Operation.INFERENCE)) {
                    observer.preOpExecution(sd, at, step.recorded, step.context);
                }
            }
            step.execute();
            for (Listener observer : observers) {
                if (observer.isActive(Operation.INFERENCE)) {
                    observer.opExecution(sd, at, null, step.recorded, step.context, step.outputs);
                }
            }
            if (afterOutput != null && step.produces(watched)) {
                placeholders.get(seedPlaceholder).assign(afterOutput.apply(step.output(watched)));
            }
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        results.forEach((name, array) -> out.put(name, array.dup()));
        return out;
    }

    /** One op of the replay, its context set up once with the pass's fixed arrays. */
    private static final class Step {
        final DifferentialFunction op;
        final SameDiffOp recorded;
        final OpContext context;
        final List<String> outputNames;
        final INDArray[] outputs;
        /** For a replacement that writes a larger array: the view to copy into the recorded output, else null. */
        final INDArray copyFrom;

        Step(Execution e, INDArray[] inputs, INDArray[] outputs) {
            this(e, e.op().getOp(), e.iArgs(), inputs, outputs, outputs, null);
        }

        Step(Execution e, InputGradientConvolution.Replacement r, INDArray[] outputs) {
            this(e, r.op(), r.iArgs(), r.inputs(), outputs, new INDArray[] {r.output()}, r.copyFrom());
        }

        private Step(Execution e, DifferentialFunction op, long[] iArgs, INDArray[] inputs, INDArray[] outputs,
                     INDArray[] written, INDArray copyFrom) {
            this.op = op;
            this.recorded = e.op();
            this.outputNames = e.outputNames();
            this.outputs = outputs;
            this.copyFrom = copyFrom;
            this.context = Nd4j.getExecutioner().buildContext();
            context.setIArguments(iArgs);
            context.setTArguments(e.tArgs());
            context.setBArguments(e.bArgs());
            context.setDArguments(e.dArgs());
            context.setInputArrays(inputs);
            context.setOutputArrays(written);
        }

        void execute() {
            if (op instanceof CustomOp custom) {
                Nd4j.exec(custom, context);
            } else {
                Nd4j.exec((Op) op, context);
            }
            if (copyFrom != null) {
                outputs[0].assign(copyFrom);
            }
        }

        boolean produces(String name) {
            return name != null && outputNames.contains(name);
        }

        INDArray output(String name) {
            return outputs[outputNames.indexOf(name)];
        }
    }

    /** Turns a recording into steps on fixed arrays, reusing an array once its last reader has run. */
    private static final class Planner {
        private final SameDiff sd;
        private final List<Execution> executions;
        private final Set<String> placeholderNames;
        private final Set<String> resultNames;
        private final Map<String, INDArray> produced = new HashMap<>();
        private final Map<String, INDArray> placeholders = new LinkedHashMap<>();
        private final Map<String, Integer> lastRead = new HashMap<>();
        private final Map<String, List<INDArray>> free = new HashMap<>();

        Planner(SameDiff sd, List<Execution> executions, Set<String> placeholderNames, Set<String> resultNames) {
            this.sd = sd;
            this.executions = executions;
            this.placeholderNames = placeholderNames;
            this.resultNames = resultNames;
        }

        Optional<RecordedPass> plan() {
            for (int i = 0; i < executions.size(); i++) {
                for (String name : executions.get(i).inputNames()) {
                    lastRead.put(name, i);
                }
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < executions.size(); i++) {
                Execution e = executions.get(i);
                INDArray[] inputs = new INDArray[e.inputs().size()];
                for (int k = 0; k < inputs.length; k++) {
                    inputs[k] = input(e.inputNames().get(k), e.inputs().get(k));
                    if (inputs[k] == null) {
                        return Optional.empty();
                    }
                }
                INDArray[] outputs = new INDArray[e.outputs().size()];
                for (int k = 0; k < outputs.length; k++) {
                    outputs[k] = allocate(e, k, inputs);
                    produced.put(e.outputNames().get(k), outputs[k]);
                }
                steps.add(step(e, inputs, outputs));
                release(i, e);
            }
            Map<String, INDArray> results = new LinkedHashMap<>();
            for (String name : resultNames) {
                INDArray array = produced.get(name);
                if (array == null) {
                    return Optional.empty();
                }
                results.put(name, array);
            }
            return Optional.of(new RecordedPass(sd, steps, placeholders, results));
        }

        private Step step(Execution e, INDArray[] inputs, INDArray[] outputs) {
            return InputGradientConvolution.of(e, inputs, outputs, this::needed, this::isConstant)
                    .map(r -> new Step(e, r, outputs)).orElseGet(() -> new Step(e, inputs, outputs));
        }

        /** Whether a later op reads the array, or the pass returns it. */
        private boolean needed(String name) {
            return lastRead.containsKey(name) || resultNames.contains(name);
        }

        private boolean isConstant(String name) {
            return !placeholderNames.contains(name) && !produced.containsKey(name) && sd.hasVariable(name)
                    && (sd.getVariable(name).getVariableType() == VariableType.CONSTANT
                    || sd.getVariable(name).getVariableType() == VariableType.VARIABLE);
        }

        /** Where an op's input comes from: a placeholder, an earlier op, or a constant of the graph. */
        private INDArray input(String name, INDArray recorded) {
            if (placeholderNames.contains(name)) {
                return placeholders.computeIfAbsent(name,
                        n -> Nd4j.create(recorded.dataType(), recorded.shape(), 'c'));
            }
            if (produced.containsKey(name)) {
                return produced.get(name);
            }
            return isConstant(name) ? recorded : null;
        }

        /** An output array: the input it overwrote for an in-place op, else a free array of its size, else new. */
        private INDArray allocate(Execution e, int k, INDArray[] inputs) {
            INDArray recorded = e.outputs().get(k);
            for (int j = 0; j < e.inputs().size(); j++) {
                if (e.inputs().get(j) == recorded) {
                    return inputs[j];
                }
            }
            List<INDArray> candidates = free.get(key(recorded.dataType(), recorded.length()));
            if (candidates != null && !candidates.isEmpty() && !resultNames.contains(e.outputNames().get(k))) {
                return candidates.remove(candidates.size() - 1).reshape('c', recorded.shape());
            }
            return Nd4j.create(recorded.dataType(), recorded.shape(), 'c');
        }

        /** Arrays whose last reader was op {@code i} (and that are not results) become free for later outputs. */
        private void release(int i, Execution e) {
            IdentityHashMap<INDArray, Boolean> released = new IdentityHashMap<>();
            for (String name : e.inputNames()) {
                INDArray array = produced.get(name);
                if (array != null && lastRead.get(name) == i && !stillUsed(array, i)
                        && released.put(array, Boolean.TRUE) == null) {
                    free.computeIfAbsent(key(array.dataType(), array.length()), x -> new ArrayList<>()).add(array);
                }
            }
        }

        /** Whether a result, or a name read after op {@code i}, holds this array's buffer (in-place ops share one). */
        private boolean stillUsed(INDArray array, int i) {
            for (Map.Entry<String, INDArray> p : produced.entrySet()) {
                if (p.getValue().data() == array.data()
                        && (resultNames.contains(p.getKey()) || lastRead.getOrDefault(p.getKey(), -1) > i)) {
                    return true;
                }
            }
            return false;
        }

        private static String key(DataType type, long length) {
            return type + ":" + length;
        }
    }
}
