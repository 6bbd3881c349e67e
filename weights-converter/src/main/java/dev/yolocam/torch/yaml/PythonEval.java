package dev.yolocam.torch.yaml;

import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The part of Python's {@code eval} that {@code parse_model} applies to string arguments of a YAML row:
 * {@code None/True/False}, numbers, the names it has in scope ({@code nc}, {@code anchors}) and
 * {@code nn.Activation(...)} constructors. Upstream swallows the NameError of any other bare word, so such strings
 * ({@code 'nearest'}) stay strings.
 */
final class PythonEval {
    private static final Pattern INT = Pattern.compile("[-+]?\\d+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

    private final Map<String, Object> names;
    private final IntSupplier newInstanceId;

    /**
     * @param names          the variables eval can see (parse_model's locals that YAMLs use: nc, anchors)
     * @param newInstanceId  gives the identity of each module an evaluation creates
     */
    PythonEval(Map<String, Object> names, IntSupplier newInstanceId) {
        this.names = names;
        this.newInstanceId = newInstanceId;
    }

    /** {@code eval(a) if isinstance(a, str) else a}, with NameError suppressed. */
    Object argument(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        String t = text.trim();
        switch (t) {
            case "None":
                return null;
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            default:
                break;
        }
        if (names.containsKey(t)) {
            return names.get(t);
        }
        if (INT.matcher(t).matches()) {
            return Long.parseLong(t);
        }
        if (FLOAT.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        if (ActivationSpec.looksLikeModule(t)) {
            return ActivationSpec.evaluate(t, newInstanceId.getAsInt());
        }
        return text;
    }

    /** {@code Conv.default_act = eval(act)}: must produce a module. */
    ActivationSpec activation(String text) {
        return ActivationSpec.evaluate(text, newInstanceId.getAsInt());
    }
}
