package dev.yolocam.cam;

import dev.yolocam.errors.UsageException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters a method is given by name ({@code kernel=rbf,gamma=0.1}). A method reads the ones it knows; any
 * other name is refused with the list of those it takes, so a typo never passes silently.
 */
public record MethodParameters(Map<String, String> values) {
    public static final MethodParameters NONE = new MethodParameters(Map.of());

    public MethodParameters {
        values = Map.copyOf(values);
    }

    /** {@code name=value} pairs separated by commas; names are case-insensitive. */
    public static MethodParameters parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new UsageException("method parameter '" + pair.strip() + "' is not name=value");
            }
            String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (values.put(name, pair.substring(eq + 1).strip()) != null) {
                throw new UsageException("method parameter '" + name + "' is given twice");
            }
        }
        return new MethodParameters(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Refuses every parameter not in {@code known} ({@code method} names the method in the message). */
    public void requireOnly(String method, Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException(method + " has no parameter '" + name + "'"
                        + (known.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", known.stream()
                        .sorted().toList())));
            }
        }
    }

    public String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** A finite number, or {@code otherwise} when the parameter is not given. */
    public Double number(String method, String name, Double otherwise) {
        String text = values.get(name);
        if (text == null) {
            return otherwise;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(method + " parameter " + name + " must be a finite number, got '" + text + "'");
    }
}
