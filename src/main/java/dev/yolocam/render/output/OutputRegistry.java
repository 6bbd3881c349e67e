package dev.yolocam.render.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outputs one command can write, in the order they are written (and listed in help and errors). Names match
 * case-insensitively; a name is registered once.
 */
public final class OutputRegistry<P extends OutputPicture> {
    private final List<Output<P>> outputs = new ArrayList<>();

    @SafeVarargs
    public OutputRegistry(Output<P>... standard) {
        for (Output<P> output : standard) {
            register(output);
        }
    }

    /** Adds {@code output} after the ones registered so far. */
    public synchronized void register(Output<P> output) {
        String name = output.name();
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("an output name is lower-case letters, digits and '_', got '" + name
                    + "'");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("an output named '" + name + "' is already registered");
        }
        outputs.add(output);
    }

    /** Every registered output, in registration order. */
    public synchronized List<Output<P>> all() {
        return List.copyOf(outputs);
    }

    public synchronized Optional<Output<P>> find(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return outputs.stream().filter(o -> o.name().equals(key)).findFirst();
    }
}
