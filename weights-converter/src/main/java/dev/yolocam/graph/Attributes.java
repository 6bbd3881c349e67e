package dev.yolocam.graph;

import dev.yolocam.torch.ModuleNode;
import java.util.List;

/** Typed reads of pickled module attributes (ints may be stored as an int or as a tuple of ints). */
final class Attributes {
    private Attributes() {
    }

    static long[] pair(ModuleNode node, String name, BuildContext ctx) {
        Object value = node.attributes().get(name);
        if (value instanceof Number n) {
            return new long[] {n.longValue(), n.longValue()};
        }
        if (value instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Number a
                && list.get(1) instanceof Number b) {
            return new long[] {a.longValue(), b.longValue()};
        }
        throw ctx.unsupported(node, "attribute '" + name + "' is not an int or a pair of ints: " + value);
    }

    static long integer(ModuleNode node, String name, BuildContext ctx) {
        Object value = node.attributes().get(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw ctx.unsupported(node, "attribute '" + name + "' is not an int: " + value);
    }

    static long integer(ModuleNode node, String name, long fallback) {
        return node.attributes().get(name) instanceof Number n ? n.longValue() : fallback;
    }

    static double real(ModuleNode node, String name, BuildContext ctx) {
        Object value = node.attributes().get(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw ctx.unsupported(node, "attribute '" + name + "' is not a number: " + value);
    }

    static boolean flag(ModuleNode node, String name, boolean fallback) {
        return node.attributes().get(name) instanceof Boolean b ? b : fallback;
    }
}
