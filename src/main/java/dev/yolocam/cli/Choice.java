package dev.yolocam.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of an option that names one of a fixed set: a picocli converter that matches names case-insensitively
 * ({@code -} and {@code _} alike), and the candidates that help ({@code ${COMPLETION-CANDIDATES}}) and the error for
 * an unknown name list - generated from the values, never retyped. A subclass with a no-argument constructor names
 * the values: {@code converter = X.class, completionCandidates = X.class}.
 */
abstract class Choice<T> implements ITypeConverter<T>, Iterable<String> {
    private final Supplier<List<T>> values;
    private final Function<T, String> name;

    /**
     * @param values the values, in the order help lists them (asked for when needed, so a registry can grow)
     * @param name   the name a value is typed and listed by
     */
    Choice(Supplier<List<T>> values, Function<T, String> name) {
        this.values = values;
        this.name = name;
    }

    /** An enum constant's name in lower case: {@code CLASS_OBJ} is {@code class_obj}. */
    static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Further names {@code value} is accepted by; they are not listed. */
    List<String> aliases(T value) {
        return List.of();
    }

    @Override
    public T convert(String text) {
        String key = normalise(text);
        for (T value : values.get()) {
            if (normalise(name.apply(value)).equals(key)
                    || aliases(value).stream().anyMatch(alias -> normalise(alias).equals(key))) {
                return value;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '" + text + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return values.get().stream().map(name).iterator();
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
