package dev.yolocam.torch.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.yolocam.torch.ModuleNode;
import dev.yolocam.torch.TensorData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Assertions that a built module tree matches the {@code modules} list of a describe-style JSON. */
final class DescribedTree {
    private DescribedTree() {
    }

    /** Every path of the tree by path ("" is the root). */
    static Map<String, ModuleNode> byPath(ModuleNode root) {
        Map<String, ModuleNode> out = new LinkedHashMap<>();
        for (ModuleNode n : root.preOrder()) {
            out.put(n.path(), n);
        }
        return out;
    }

    /**
     * Each described module exists with the same class and the same value for every attribute the entry lists
     * ({@code skip}: attribute names not to compare), parameters/buffers included when listed.
     */
    static void assertEntriesMatch(List<Map<String, Object>> entries, ModuleNode root, Set<String> skip) {
        Map<String, ModuleNode> nodes = byPath(root);
        for (Map<String, Object> entry : entries) {
            String path = Describe.path(entry);
            ModuleNode node = nodes.get(path);
            assertNotNull(node, "no module " + path);
            assertEquals(entry.get("type"), node.pythonClass(), path);
            for (Map.Entry<String, Object> e : Describe.attributes(entry).entrySet()) {
                String key = e.getKey();
                if (skip.contains(key)) {
                    continue;
                }
                assertTrue(node.hasAttribute(key), path + " has no attribute " + key);
                Object actual = node.attributes().get(key);
                assertTrue(SameValue.test(e.getValue(), actual),
                        path + "." + key + ": expected " + e.getValue() + " but was " + actual);
            }
            if (entry.containsKey("has_bias")) {
                assertEquals(entry.get("has_bias"), node.parameters().containsKey("bias"), path + " bias");
            }
            if (Describe.complete(entry)) {
                assertShapes(entry.get("parameters"), node.parameters(), path + " parameters");
                assertShapes(entry.get("buffers"), node.buffers(), path + " buffers");
            }
        }
    }

    /** The attribute names of each described module are exactly the built ones (no more, no fewer). */
    static void assertNoOtherAttributes(List<Map<String, Object>> entries, ModuleNode root) {
        Map<String, ModuleNode> nodes = byPath(root);
        for (Map<String, Object> entry : entries) {
            ModuleNode node = nodes.get(Describe.path(entry));
            assertEquals(new java.util.TreeSet<>(Describe.attributes(entry).keySet()),
                    new java.util.TreeSet<>(node.attributes().keySet()), Describe.path(entry));
        }
    }

    /** Two paths hold the same module instance in the tree exactly when they do in the description. */
    static void assertSameSharing(List<Map<String, Object>> entries, ModuleNode root) {
        Map<String, ModuleNode> nodes = byPath(root);
        Map<Integer, Integer> describedToBuilt = new HashMap<>();
        Map<Integer, Integer> builtToDescribed = new HashMap<>();
        for (Map<String, Object> entry : entries) {
            int described = ((Number) entry.get("instance")).intValue();
            int built = nodes.get(Describe.path(entry)).instanceId();
            Integer a = describedToBuilt.putIfAbsent(described, built);
            Integer b = builtToDescribed.putIfAbsent(built, described);
            if (a != null && a != built || b != null && b != described) {
                fail("instance sharing differs at " + Describe.path(entry));
            }
        }
    }

    private static void assertShapes(Object described, Map<String, TensorData> actual, String where) {
        if (described == null) {
            assertTrue(actual.isEmpty(), where + ": unexpected " + actual.keySet());
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> shapes = (Map<String, Object>) described;
        assertEquals(shapes.keySet(), actual.keySet(), where);
        shapes.forEach((name, shape) -> assertTrue(Arrays.equals(Describe.shape(shape), actual.get(name).shape()),
                where + " " + name));
    }
}
