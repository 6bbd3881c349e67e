package dev.yolocam.model;

import dev.yolocam.errors.UnsupportedModelException;
import dev.yolocam.errors.YolocamException;
import dev.yolocam.torch.SafeText;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Keeps the loader's promise that a model file, however hostile, fails only with a one-line YolocamException
 * while it is turned into a description, a YAML-built tree or a graph. Those steps check what they know to check
 * and quote attribute values from the file as they are; this maps what slips through.
 */
final class ModelFailures {
    private ModelFailures() {
    }

    /**
     * Runs {@code step} on the model from {@code file}: an UnsupportedModelException whose message would span lines
     * gets its problem escaped; any other runtime exception becomes an UnsupportedModelException
     * {@code "cannot <what> (unexpected <Exception>: <message>)"}.
     */
    static <T> T guard(Path file, String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (UnsupportedModelException e) {
            if (SafeText.isPrintable(e.problem())) {
                throw e;
            }
            throw new UnsupportedModelException(e.file(), SafeText.oneLine(e.problem()), e);
        } catch (YolocamException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnsupportedModelException(file, "cannot " + what + " (unexpected " + e.getClass().getSimpleName()
                    + ": " + SafeText.oneLine(e.getMessage()) + ")", e);
        }
    }
}
