package dev.yolocam.torch;

/**
 * A reference to an allow-listed Python global that a checkpoint stores as data rather than calls, e.g. the dtype
 * {@code torch.float16} or a storage class. It is only a name: nothing is ever looked up from it.
 *
 * @param module the module, with Python 2 spellings normalised ({@code __builtin__} becomes {@code builtins})
 * @param name   the name inside the module
 */
public record PyGlobal(String module, String name) {

    /** {@code module.name}, e.g. {@code torch.float16}. */
    public String qualifiedName() {
        return module + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
