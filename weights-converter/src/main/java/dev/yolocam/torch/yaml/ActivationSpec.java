package dev.yolocam.torch.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An activation module created by evaluating {@code nn.LeakyReLU(0.1)}-style text from a model YAML (the
 * {@code activation:} key, or a Conv's {@code act} argument). One evaluation is one Python object, so every module
 * that uses it shares {@link #instanceId()}.
 *
 * @param pythonClass  e.g. {@code torch.nn.modules.activation.LeakyReLU}
 * @param attributes   the module's attributes after YOLOv5's {@code initialize_weights} (which sets inplace=True)
 * @param instanceId   identity of the one Python object
 */
record ActivationSpec(String pythonClass, Map<String, Object> attributes, int instanceId) {
    private static final Pattern CALL = Pattern.compile("\\s*(?:nn|torch\\.nn)\\.(\\w+)\\s*\\((.*)\\)\\s*");
    private static final String ACTIVATION = "torch.nn.modules.activation.";

    /** Whether the text is a module constructor call {@code nn.Name(...)} (which eval would turn into a module). */
    static boolean looksLikeModule(String text) {
        return CALL.matcher(text).matches();
    }

    /**
     * Evaluates {@code nn.Name(args)} for the activations yolocam supports.
     *
     * @throws IllegalArgumentException naming the expression when it is not one of them
     */
    static ActivationSpec evaluate(String text, int instanceId) {
        Matcher call = CALL.matcher(text);
        if (!call.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an nn.Module constructor call");
        }
        String name = call.group(1);
        List<String> args = arguments(call.group(2));
        Map<String, Object> attributes = new LinkedHashMap<>();
        String pythonClass = switch (name) {
            case "SiLU", "ReLU", "Hardswish" -> {
                positional(args, text, 1);
                attributes.put("inplace", Boolean.TRUE);
                yield ACTIVATION + name;
            }
            case "LeakyReLU" -> {
                positional(args, text, 2);
                String slope = argument(args, 0, "negative_slope");
                attributes.put("negative_slope", slope == null ? 0.01 : parseNumber(slope, text));
                attributes.put("inplace", Boolean.TRUE);
                yield ACTIVATION + name;
            }
            case "Sigmoid" -> {
                positional(args, text, 0);
                yield ACTIVATION + name;
            }
            case "Identity" -> "torch.nn.modules.linear.Identity";
            default -> throw new IllegalArgumentException("unsupported activation '" + text.trim() + "'");
        };
        return new ActivationSpec(pythonClass, attributes, instanceId);
    }

    private static List<String> arguments(String inside) {
        return inside.isBlank() ? List.of() : List.of(inside.split(",")).stream().map(String::trim).toList();
    }

    private static void positional(List<String> args, String text, int max) {
        if (args.size() > max) {
            throw new IllegalArgumentException("too many arguments in '" + text.trim() + "'");
        }
    }

    /** Positional argument {@code index}, or the keyword argument {@code keyword=...}, or null. */
    private static String argument(List<String> args, int index, String keyword) {
        for (String a : args) {
            if (a.startsWith(keyword + "=")) {
                return a.substring(keyword.length() + 1).trim();
            }
        }
        return index < args.size() && !args.get(index).contains("=") ? args.get(index) : null;
    }

    private static double parseNumber(String text, String expression) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot evaluate '" + text + "' in '" + expression.trim() + "'");
        }
    }
}
