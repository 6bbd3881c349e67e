package dev.yolocam.torch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What REDUCE, NEWOBJ and NEWOBJ_EX do with an allow-listed global: build the data the Python call would have
 * returned, without calling anything. Classes become inert {@link PyObject}s; the few builtins and torch/numpy
 * helpers that checkpoints use are reproduced here, argument shapes checked.
 */
final class InertCalls {
    private final PickleInput input;
    private final ValueBudget budget;
    private final DictKeys keys;
    private final TensorRebuilder tensors;
    private final NumpyScalars numpyScalars;
    private final long maxStringBytes;

    InertCalls(PickleInput input, ValueBudget budget, DictKeys keys, ReaderLimits limits) {
        this.input = input;
        this.budget = budget;
        this.keys = keys;
        this.tensors = new TensorRebuilder(input, limits.maxEntryBytes());
        this.numpyScalars = new NumpyScalars(input);
        this.maxStringBytes = limits.maxStringBytes();
    }

    /**
     * @param callable  the global on the stack
     * @param args      the argument tuple
     * @param newObject true for NEWOBJ/NEWOBJ_EX ({@code cls.__new__(cls, *args)}), which only classes support
     */
    Object call(PyGlobal callable, List<Object> args, boolean newObject) {
        AllowedGlobals.Kind kind = AllowedGlobals.kindOf(callable)
                .orElseThrow(() -> input.corrupt("call of a global that is not allow-listed: " + callable));
        String name = callable.qualifiedName();
        return switch (kind) {
            case MODULE_CLASS, DATA_CLASS -> PyObjectState.newObject(name, args);
            case DATA_TYPE -> dataType(name, args);
            case FUNCTION -> {
                if (newObject) {
                    throw input.corrupt("NEWOBJ on " + name + ", which is a function, not a class");
                }
                yield function(name, args);
            }
            case NAME_ONLY -> throw input.corrupt("the pickle calls " + name + ", which is only ever data");
        };
    }

    private Object dataType(String name, List<Object> args) {
        return switch (name) {
            case "collections.OrderedDict" -> orderedDict(args);
            case "builtins.set" -> set(args, name);
            case "builtins.frozenset" -> Collections.unmodifiableSet(set(args, name));
            case "builtins.bytes", "builtins.bytearray" -> bytes(args, name);
            case "torch.Size" -> torchSize(args);
            case "numpy.dtype" -> PyObjectState.newObject(name, args);
            default -> throw input.corrupt("no inert form for " + name);
        };
    }

    private Object function(String name, List<Object> args) {
        return switch (name) {
            case "torch._utils._rebuild_tensor_v2" -> tensors.rebuild(args);
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" -> {
                if (args.size() < 3 || !(args.get(0) instanceof TensorData tensor)) {
                    throw input.corrupt(name + " expects (tensor, requires_grad, hooks, ...), got " + describe(args));
                }
                yield tensor;
            }
            case "torch._tensor._rebuild_from_type_v2" -> rebuildFromType(args);
            case "copyreg._reconstructor" -> reconstructor(args);
            case "_codecs.encode" -> encode(args);
            case "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar" -> numpyScalars.decode(name, args);
            case "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct" ->
                    PyObjectState.newObject("numpy.ndarray", args);
            default -> throw input.corrupt("no inert form for " + name);
        };
    }

    /** {@code _rebuild_from_type_v2(func, new_type, args, state)}: a tensor subclass; the tensor func builds. */
    private TensorData rebuildFromType(List<Object> args) {
        if (args.size() != 4 || !(args.get(0) instanceof PyGlobal func) || !PyTypes.isTuple(args.get(2))) {
            throw input.corrupt("_rebuild_from_type_v2 expects (func, type, args, state), got " + describe(args));
        }
        // Only the plain rebuild functions: nesting _rebuild_from_type_v2 in itself would recurse without bound.
        if (!func.qualifiedName().startsWith("torch._utils._rebuild_")) {
            throw input.corrupt("_rebuild_from_type_v2 of " + func + " is not supported");
        }
        @SuppressWarnings("unchecked")
        List<Object> innerArgs = (List<Object>) args.get(2);
        if (!(call(func, innerArgs, false) instanceof TensorData tensor)) {
            throw input.corrupt("_rebuild_from_type_v2 of " + func + " did not give a tensor");
        }
        return tensor;
    }

    /** {@code copyreg._reconstructor(cls, object, None)}: protocol 0/1's way of creating an instance of cls. */
    private PyObject reconstructor(List<Object> args) {
        if (args.size() != 3 || !(args.get(0) instanceof PyGlobal cls) || !(args.get(1) instanceof PyGlobal)) {
            throw input.corrupt("copyreg._reconstructor expects (class, base, state), got " + describe(args));
        }
        AllowedGlobals.Kind kind = AllowedGlobals.kindOf(cls).orElse(AllowedGlobals.Kind.NAME_ONLY);
        if (kind != AllowedGlobals.Kind.MODULE_CLASS && kind != AllowedGlobals.Kind.DATA_CLASS) {
            throw input.corrupt("copyreg._reconstructor of " + cls + ", which is not a class");
        }
        List<Object> baseArgs = args.get(2) == null ? PyTypes.tuple() : PyTypes.tuple(args.get(2));
        return PyObjectState.newObject(cls.qualifiedName(), baseArgs);
    }

    private Map<Object, Object> orderedDict(List<Object> args) {
        Map<Object, Object> dict = new LinkedHashMap<>();
        if (args.isEmpty()) {
            return dict;
        }
        if (args.size() != 1) {
            throw input.corrupt("OrderedDict expects at most one argument, got " + describe(args));
        }
        Object source = args.get(0);
        if (source instanceof Map<?, ?> map) {
            budget.spend(map.size());
            dict.putAll(map);
            return dict;
        }
        if (!(source instanceof Collection<?> pairs)) {
            throw input.corrupt("OrderedDict expects a mapping or pairs, got " + PyTypes.name(source));
        }
        budget.spend(pairs.size());
        for (Object pair : pairs) {
            if (!(pair instanceof List<?> kv) || kv.size() != 2) {
                throw input.corrupt("OrderedDict item is not a (key, value) pair: " + PyTypes.name(pair));
            }
            keys.requireHashable(kv.get(0));
            dict.put(kv.get(0), kv.get(1));
        }
        return dict;
    }

    private Set<Object> set(List<Object> args, String name) {
        Set<Object> set = new LinkedHashSet<>();
        if (args.isEmpty()) {
            return set;
        }
        if (args.size() != 1) {
            throw input.corrupt(name + " expects at most one argument, got " + describe(args));
        }
        Collection<?> items = args.get(0) instanceof Map<?, ?> map ? map.keySet()
                : args.get(0) instanceof Collection<?> collection ? collection : null;
        if (items == null) {
            throw input.corrupt(name + " expects an iterable, got " + PyTypes.name(args.get(0)));
        }
        budget.spend(items.size());
        for (Object item : items) {
            keys.requireHashable(item);
            set.add(item);
        }
        return set;
    }

    /** bytes()/bytearray() from nothing, bytes, a list of ints or (str, encoding), as protocol 2 pickles them. */
    private byte[] bytes(List<Object> args, String name) {
        if (args.isEmpty()) {
            return new byte[0];
        }
        Object source = args.get(0);
        if (args.size() == 1 && source instanceof byte[] bytes) {
            budget.spendBytes(bytes.length);
            return bytes.clone();
        }
        if (args.size() == 1 && source instanceof List<?> ints) {
            budget.spend(ints.size());
            byte[] out = new byte[ints.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(ints.get(i) instanceof Long value) || value < 0 || value > 255) {
                    throw input.corrupt(name + " of a list that is not all ints in 0..255");
                }
                out[i] = (byte) (long) value;
            }
            return out;
        }
        if (args.size() == 2 && source instanceof String text && args.get(1) instanceof String encoding) {
            return encodeText(text, encoding);
        }
        throw input.corrupt(name + " with unsupported arguments " + describe(args));
    }

    /** {@code _codecs.encode(str, encoding)}: how protocol 2 pickles bytes, as a latin-1 string. */
    private byte[] encode(List<Object> args) {
        if (args.isEmpty() || args.size() > 2 || !(args.get(0) instanceof String text)
                || (args.size() == 2 && !(args.get(1) instanceof String))) {
            throw input.corrupt("_codecs.encode expects (str, encoding), got " + describe(args));
        }
        return encodeText(text, args.size() == 2 ? (String) args.get(1) : "utf-8");
    }

    private byte[] encodeText(String text, String encoding) {
        String codec = encoding.toLowerCase(Locale.ROOT).replace('_', '-');
        byte[] out;
        switch (codec) {
            case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1" -> out = narrow(text, 0xff, encoding);
            case "ascii", "us-ascii" -> out = narrow(text, 0x7f, encoding);
            case "utf-8", "utf8" -> {
                if ((long) text.length() * 3 > maxStringBytes) {
                    throw input.unsafe("an encoded string may exceed the limit of " + maxStringBytes + " bytes");
                }
                out = text.getBytes(StandardCharsets.UTF_8);
            }
            default -> throw input.corrupt("unsupported text encoding " + SafeText.quote(encoding));
        }
        budget.spendBytes(out.length);
        return out;
    }

    private byte[] narrow(String text, int maxChar, String encoding) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c > maxChar) {
                throw input.corrupt("character U+" + Integer.toHexString(c) + " cannot be encoded as "
                        + SafeText.quote(encoding));
            }
            out[i] = (byte) c;
        }
        return out;
    }

    /** torch.Size is a tuple of ints. */
    private List<Object> torchSize(List<Object> args) {
        if (args.size() > 1 || (args.size() == 1 && !(args.get(0) instanceof List<?>))) {
            throw input.corrupt("torch.Size expects a tuple of ints, got " + describe(args));
        }
        List<?> dims = args.isEmpty() ? List.of() : (List<?>) args.get(0);
        budget.spend(dims.size());
        List<Object> out = new ArrayList<>(dims.size());
        for (Object dim : dims) {
            if (!(dim instanceof Long)) {
                throw input.corrupt("torch.Size of a " + PyTypes.name(dim) + ", not an int");
            }
            out.add(dim);
        }
        return PyTypes.tuple(out);
    }

    private static String describe(List<Object> args) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < args.size() && i < 8; i++) {
            out.append(i == 0 ? "" : ", ").append(PyTypes.name(args.get(i)));
        }
        return out.append(args.size() > 8 ? ", ...)" : ")").toString();
    }
}
