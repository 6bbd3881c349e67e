package dev.yolocam.torch.yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a describe-style JSON (the oracle's {@code *.describe.json}, a fixture's {@code <name>.json}). */
final class Describe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Describe() {
    }

    static Map<String, Object> read(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(file.toFile(), Map.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> modules(Map<String, Object> describe) {
        return (List<Map<String, Object>>) describe.get("modules");
    }

    /** JSON integers as long[] (a shape). */
    static long[] shape(Object json) {
        return ((List<?>) json).stream().mapToLong(x -> ((Number) x).longValue()).toArray();
    }

    /** The module path of an entry: a fixture's {@code path}, or the oracle's {@code name} ("(root)" is ""). */
    static String path(Map<String, Object> entry) {
        if (entry.containsKey("path")) {
            return (String) entry.get("path");
        }
        String name = (String) entry.get("name");
        return name.equals("(root)") ? "" : name;
    }

    /**
     * The attributes of an entry: a fixture's {@code attributes} (all of them), or the attributes the oracle lists
     * next to {@code name} and {@code type} (a selection; {@code has_bias} is not an attribute).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(Map<String, Object> entry) {
        if (entry.containsKey("attributes")) {
            return (Map<String, Object>) entry.get("attributes");
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>(entry);
        out.keySet().removeAll(java.util.Set.of("name", "type", "has_bias"));
        return out;
    }

    /** Whether the entry lists everything about its module (a fixture's) rather than a selection (the oracle's). */
    static boolean complete(Map<String, Object> entry) {
        return entry.containsKey("attributes");
    }
}
