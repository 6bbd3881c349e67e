package dev.yolocam.model;

import dev.yolocam.torch.DType;
import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.PyObject;
import dev.yolocam.torch.SafeText;
import dev.yolocam.torch.TensorData;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ModuleNode tree <-> plain JSON-able data plus one byte blob for all tensors: the converted model's format.
 * Python values are tagged where JSON alone would lose their type ({@code {"$map": [[k, v], ...]}},
 * {@code {"$tensor": i}}, {@code {"$set": [...]}}, {@code {"$float": "NaN"}}, ...).
 */
final class ModuleTreeCodec {
    private final List<Map<String, Object>> tensorTable = new ArrayList<>();
    private final Map<TensorData, Integer> tensorIndex = new IdentityHashMap<>();
    private final ByteArrayOutputStream blob = new ByteArrayOutputStream();

    /** Encodes a tree; afterwards {@link #tensorTable()} and {@link #blob()} hold the tensors it refers to. */
    Map<String, Object> encode(ModuleNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", node.path());
        out.put("class", node.pythonClass());
        out.put("id", node.instanceId());
        Map<String, Object> attributes = new LinkedHashMap<>();
        node.attributes().forEach((k, v) -> attributes.put(k, encodeValue(v)));
        out.put("attributes", attributes);
        out.put("parameters", tensorRefs(node.parameters()));
        out.put("buffers", tensorRefs(node.buffers()));
        List<Object> children = new ArrayList<>();
        for (ModuleNode child : node.childList()) {
            children.add(encode(child));
        }
        out.put("children", children);
        return out;
    }

    List<Map<String, Object>> tensorTable() {
        return tensorTable;
    }

    byte[] blob() {
        return blob.toByteArray();
    }

    private Map<String, Object> tensorRefs(Map<String, TensorData> tensors) {
        Map<String, Object> refs = new LinkedHashMap<>();
        tensors.forEach((k, t) -> refs.put(k, tensorId(t)));
        return refs;
    }

    private int tensorId(TensorData t) {
        Integer known = tensorIndex.get(t);
        if (known != null) {
            return known;
        }
        byte[] bytes = t.contiguousBytes();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("dtype", t.dtype().name());
        entry.put("shape", t.shape());
        entry.put("offset", blob.size());
        entry.put("length", bytes.length);
        blob.writeBytes(bytes);
        tensorTable.add(entry);
        tensorIndex.put(t, tensorTable.size() - 1);
        return tensorTable.size() - 1;
    }

    private Object encodeValue(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof String) {
            return v;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : Map.of("$float", d.toString());
        }
        if (v instanceof BigInteger b) {
            return Map.of("$bigint", b.toString());
        }
        if (v instanceof byte[] bytes) {
            return Map.of("$bytes", Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof TensorData t) {
            return Map.of("$tensor", tensorId(t));
        }
        if (v instanceof Set<?> set) {
            return Map.of("$set", set.stream().map(this::encodeValue).toList());
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(encodeValue(e)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            List<Object> pairs = new ArrayList<>();
            map.forEach((k, e) -> pairs.add(java.util.Arrays.asList(encodeValue(k), encodeValue(e))));
            return Map.of("$map", pairs);
        }
        if (v instanceof PyObject o) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("$object", o.pythonClass());
            out.put("args", encodeValue(o.args()));
            out.put("state", encodeValue(o.state()));
            return out;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return Map.of("$repr", String.valueOf(v));
    }

    /** Decoding side: rebuilds nodes from the JSON data and the tensors already read from the blob. */
    static final class Decoder {
        private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*");

        private final List<TensorData> tensors;

        Decoder(List<TensorData> tensors) {
            this.tensors = tensors;
        }

        ModuleNode decode(Map<?, ?> json) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            asMap(json.get("attributes")).forEach((k, v) -> attributes.put((String) k, decodeValue(v)));
            Map<String, ModuleNode> children = new LinkedHashMap<>();
            for (Object child : asList(json.get("children"))) {
                ModuleNode node = decode(asMap(child));
                children.put(node.name(), node);
            }
            return new ModuleNode(modulePath(json), className(json), ((Number) json.get("id")).intValue(), attributes,
                    tensorMap(json.get("parameters")), tensorMap(json.get("buffers")), children);
        }

        /** Paths and classes go into error messages and the graph's names: printable, as a checkpoint's are. */
        private static String modulePath(Map<?, ?> json) {
            if (json.get("path") instanceof String path && SafeText.isPrintable(path)) {
                return path;
            }
            throw new IllegalArgumentException("a module has no valid 'path'");
        }

        private static String className(Map<?, ?> json) {
            if (json.get("class") instanceof String name && CLASS_NAME.matcher(name).matches()) {
                return name;
            }
            throw new IllegalArgumentException("a module has no valid 'class' (a dotted Python name)");
        }

        private Map<String, TensorData> tensorMap(Object refs) {
            Map<String, TensorData> out = new LinkedHashMap<>();
            asMap(refs).forEach((k, v) -> out.put((String) k, tensor(v)));
            return out;
        }

        private TensorData tensor(Object ref) {
            int i = ((Number) ref).intValue();
            if (i < 0 || i >= tensors.size()) {
                throw new IllegalArgumentException("tensor reference " + i + " out of range");
            }
            return tensors.get(i);
        }

        private Object decodeValue(Object v) {
            if (v instanceof Integer i) {
                return i.longValue();
            }
            if (v instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                list.forEach(e -> out.add(decodeValue(e)));
                return java.util.Collections.unmodifiableList(out);
            }
            if (v instanceof Map<?, ?> map) {
                if (map.containsKey("$tensor")) {
                    return tensor(map.get("$tensor"));
                }
                if (map.containsKey("$float")) {
                    return Double.valueOf((String) map.get("$float"));
                }
                if (map.containsKey("$bigint")) {
                    return new BigInteger((String) map.get("$bigint"));
                }
                if (map.containsKey("$bytes")) {
                    return Base64.getDecoder().decode((String) map.get("$bytes"));
                }
                if (map.containsKey("$set")) {
                    Set<Object> out = new LinkedHashSet<>();
                    asList(map.get("$set")).forEach(e -> out.add(decodeValue(e)));
                    return out;
                }
                if (map.containsKey("$map")) {
                    Map<Object, Object> out = new LinkedHashMap<>();
                    for (Object pair : asList(map.get("$map"))) {
                        List<?> kv = asList(pair);
                        out.put(decodeValue(kv.get(0)), decodeValue(kv.get(1)));
                    }
                    return out;
                }
                if (map.containsKey("$object")) {
                    Object args = decodeValue(map.get("args"));
                    return new PyObject((String) map.get("$object"), args instanceof List<?> l
                            ? new ArrayList<>(l) : List.of(), decodeValue(map.get("state")));
                }
                if (map.containsKey("$repr")) {
                    return map.get("$repr");
                }
                throw new IllegalArgumentException("untagged object in model.json");
            }
            return v;
        }

        private static Map<?, ?> asMap(Object o) {
            if (o instanceof Map<?, ?> m) {
                return m;
            }
            throw new IllegalArgumentException("expected an object, found " + o);
        }

        private static List<?> asList(Object o) {
            if (o instanceof List<?> l) {
                return l;
            }
            throw new IllegalArgumentException("expected an array, found " + o);
        }
    }

    static TensorData tensorFrom(Map<?, ?> entry, byte[] blob, String key) {
        DType dtype = DType.valueOf((String) entry.get("dtype"));
        List<?> dims = (List<?>) entry.get("shape");
        long[] shape = new long[dims.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = ((Number) dims.get(i)).longValue();
            if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad tensor shape");
            }
            numel = Math.multiplyExact(numel, shape[i]);
        }
        long offset = ((Number) entry.get("offset")).longValue();
        long length = ((Number) entry.get("length")).longValue();
        if (length != Math.multiplyExact(numel, (long) dtype.bytes()) || offset < 0 || offset + length > blob.length) {
            throw new IllegalArgumentException("tensor " + key + " does not fit the tensor blob");
        }
        byte[] bytes = java.util.Arrays.copyOfRange(blob, (int) offset, (int) (offset + length));
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return new TensorData(new TensorData.Storage(key, dtype, bytes), 0, shape, stride);
    }
}
