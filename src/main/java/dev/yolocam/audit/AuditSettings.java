package dev.yolocam.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an audit's rows depend on (the model file's digest, the data, the method, layers, thresholds, input size ...),
 * as named text values in a fixed order. An output folder remembers the settings it was started with; a run with
 * other settings is refused there ({@link #differences}).
 */
public record AuditSettings(Map<String, String> entries) {
    public AuditSettings {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public String get(String name) {
        return entries.get(name);
    }

    /** The names whose values differ between the two, "name: was -> now", in this one's order then the other's. */
    public List<String> differences(AuditSettings earlier) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String before = earlier.entries.get(e.getKey());
            if (!Objects.equals(before, e.getValue())) {
                out.add(e.getKey() + ": " + before + " -> " + e.getValue());
            }
        }
        for (Map.Entry<String, String> e : earlier.entries.entrySet()) {
            if (!entries.containsKey(e.getKey())) {
                out.add(e.getKey() + ": " + e.getValue() + " -> null");
            }
        }
        return out;
    }
}
