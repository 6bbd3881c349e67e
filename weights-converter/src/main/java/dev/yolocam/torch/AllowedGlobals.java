package dev.yolocam.torch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that says which Python globals a checkpoint may name: torch's and Python's data types listed here,
 * torch's own layers, and the module classes of the registered {@link ModelFamilies}. A GLOBAL or STACK_GLOBAL
 * opcode naming anything else is refused before the next opcode runs. Every allowed global is only a name: the unpickler builds
 * inert data for it ({@link InertCalls}) and never resolves it to Java or Python code.
 */
final class AllowedGlobals {

    /** What a checkpoint may do with an allowed global. */
    enum Kind {
        /** A torch or model-family {@code nn.Module} subclass: instances become module objects. */
        MODULE_CLASS,
        /** A plain class whose instances are kept as inert {@link PyObject}s (argparse.Namespace, pathlib paths). */
        DATA_CLASS,
        /** A builtin type rebuilt as Java data by {@link InertCalls} (OrderedDict, set, torch.Size, ...). */
        DATA_TYPE,
        /** A function whose effect {@link InertCalls} reproduces as data (tensor rebuilding, numpy scalars, ...). */
        FUNCTION,
        /** Only ever passed around as a name (dtypes, storage classes, torch.Tensor); calling it is refused. */
        NAME_ONLY
    }

    private static final Map<String, Kind> EXACT = new HashMap<>();

    static {
        for (String name : Set.of("argparse.Namespace", "pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath",
                "pathlib.PurePath", "pathlib.PurePosixPath", "pathlib.PureWindowsPath", "pathlib._local.Path",
                "pathlib._local.PosixPath", "pathlib._local.WindowsPath", "torch.device", "builtins.object",
                "builtins.slice", "numpy.ndarray")) {
            EXACT.put(name, Kind.DATA_CLASS);
        }
        for (String name : Set.of("collections.OrderedDict", "builtins.set", "builtins.frozenset", "builtins.bytes",
                "builtins.bytearray", "torch.Size", "numpy.dtype")) {
            EXACT.put(name, Kind.DATA_TYPE);
        }
        for (String name : Set.of("torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter",
                "torch._utils._rebuild_parameter_with_state", "torch._tensor._rebuild_from_type_v2",
                "copyreg._reconstructor", "_codecs.encode", "numpy.core.multiarray.scalar",
                "numpy._core.multiarray.scalar", "numpy.core.multiarray._reconstruct",
                "numpy._core.multiarray._reconstruct")) {
            EXACT.put(name, Kind.FUNCTION);
        }
        for (DType dtype : DType.values()) {
            EXACT.put("torch." + dtype.storageClass(), Kind.NAME_ONLY);
            EXACT.put("torch.cuda." + dtype.storageClass(), Kind.NAME_ONLY);
            EXACT.put("torch." + dtype.numpyName(), Kind.NAME_ONLY);
        }
        for (String name : Set.of("torch.UntypedStorage", "torch.storage.UntypedStorage",
                "torch.storage.TypedStorage", "torch.Tensor", "torch.nn.parameter.Parameter")) {
            EXACT.put(name, Kind.NAME_ONLY);
        }
    }

    /** Modules whose CamelCase classes are torch's own layers; the families name their own modules. */
    private static final Pattern TORCH_LAYER_MODULE = Pattern.compile("torch\\.nn\\.modules\\.[a-z_][a-z0-9_]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    private static final Map<String, String> PYTHON2_MODULES = Map.of("__builtin__", "builtins", "copy_reg", "copyreg");

    private AllowedGlobals() {
    }

    /** The global a GLOBAL opcode names, with Python 2 module spellings mapped as Python 3's unpickler does. */
    static PyGlobal normalise(String module, String name) {
        return new PyGlobal(PYTHON2_MODULES.getOrDefault(module, module), name);
    }

    /** What the global may be used for, or empty when a checkpoint may not name it at all. */
    static Optional<Kind> kindOf(PyGlobal global) {
        Kind exact = EXACT.get(global.qualifiedName());
        if (exact != null) {
            return Optional.of(exact);
        }
        boolean torchLayer = TORCH_LAYER_MODULE.matcher(global.module()).matches()
                && CLASS_NAME.matcher(global.name()).matches();
        if (torchLayer || ModelFamilies.REGISTERED.definesModuleClass(global)) {
            return Optional.of(Kind.MODULE_CLASS);
        }
        return Optional.empty();
    }

    static boolean isModuleClass(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot > 0 && kindOf(new PyGlobal(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1)))
                .filter(kind -> kind == Kind.MODULE_CLASS).isPresent();
    }

    /**
     * The element type a persistent storage id names, as a storage class ({@code torch.HalfStorage}), an untyped
     * storage (bytes), or a dtype ({@code torch.float16}); empty for any other global.
     */
    static Optional<DType> storageDType(PyGlobal global) {
        String module = global.module();
        String name = global.name();
        if ((module.equals("torch") || module.equals("torch.storage")) && name.equals("UntypedStorage")) {
            return Optional.of(DType.UINT8);
        }
        if (module.equals("torch") || module.equals("torch.cuda")) {
            DType fromClass = DType.fromStorageClass(name);
            if (fromClass != null) {
                return Optional.of(fromClass);
            }
        }
        if (module.equals("torch")) {
            for (DType dtype : DType.values()) {
                if (dtype.numpyName().equals(name)) {
                    return Optional.of(dtype);
                }
            }
        }
        return Optional.empty();
    }
}
